package dev.ktriage.gateway.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * In-cluster configuration, as kubectl and client-go use it in a pod: the API server from
 * KUBERNETES_SERVICE_HOST/PORT, the pod's service account token (read again for every request, as
 * the kubelet rotates it), its CA and its namespace. Used only when there is no kubeconfig at all.
 */
record InCluster(String masterUrl, Path serviceAccount) {

    static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    /** In a pod: the service variables are set and the token is mounted. */
    static Optional<InCluster> detect(Map<String, String> env, Path serviceAccount) {
        String host = env.get("KUBERNETES_SERVICE_HOST");
        String port = env.getOrDefault("KUBERNETES_SERVICE_PORT", "443");
        if (host == null || host.isBlank() || !Files.isRegularFile(serviceAccount.resolve("token"))) return Optional.empty();
        // an IPv6 service address needs brackets in a URL
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return Optional.of(new InCluster("https://" + h + ":" + port.strip(), serviceAccount));
    }

    ConfigBuilder config() {
        Path token = serviceAccount.resolve("token");
        ConfigBuilder b = new ConfigBuilder(Config.empty()).withMasterUrl(masterUrl).withOauthTokenProvider(() -> read(token));
        Path ca = serviceAccount.resolve("ca.crt");
        if (Files.isRegularFile(ca)) b.withCaCertFile(ca.toString());
        Path namespace = serviceAccount.resolve("namespace");
        b.withNamespace(Files.isRegularFile(namespace) ? read(namespace) : "default");
        return b;
    }

    String describe() {
        return "in-cluster (" + masterUrl + ")";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
