package dev.ktriage.gateway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How operators authenticate for real: exec credential plugins (EKS, GKE), OIDC id tokens, and a
 * pod's in-cluster service account over TLS. A small API server answers only the right bearer token.
 */
class ClusterAuthTest {

    private static final String POD = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-1\",\"namespace\":\"%s\"}}";

    @TempDir
    Path tmp;

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void execCredentialPluginTokenIsSent() throws IOException {
        String url = serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "exec-token-123");
        Path kubeconfig = kubeconfig(url, """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: sh
                      args:
                      - -c
                      - echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"exec-token-123"}}'
                      interactiveMode: Never
                """);
        try (Fabric8ClusterGateway g = Fabric8ClusterGateway.connect(kubeconfig, null, null, Duration.ofSeconds(10), Map.of(), tmp.resolve("no-sa"))) {
            ClusterAnswer a = g.query(new ClusterRequest.Get("pods", "default", "web-1"));
            assertEquals(200, a.httpCode(), a.reason());
        }
        assertTrue(seen.contains("Bearer exec-token-123"), "the plugin's token reached the server: " + seen);
    }

    @Test
    void oidcIdTokenIsSent() throws IOException {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"oncall\",\"exp\":4102444800}".getBytes(StandardCharsets.UTF_8));
        String idToken = "eyJhbGciOiJSUzI1NiJ9." + payload + ".c2lnbmF0dXJl";
        String url = serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), idToken);
        Path kubeconfig = kubeconfig(url, """
                    auth-provider:
                      name: oidc
                      config:
                        client-id: kubernetes
                        idp-issuer-url: ISSUER
                        id-token: %s
                """.replace("ISSUER", url).formatted(idToken));
        try (Fabric8ClusterGateway g = Fabric8ClusterGateway.connect(kubeconfig, null, null, Duration.ofSeconds(10), Map.of(), tmp.resolve("no-sa"))) {
            assertEquals(200, g.query(new ClusterRequest.Get("pods", "default", "web-1")).httpCode());
        }
        assertTrue(seen.contains("Bearer " + idToken), "the id token reached the server: " + seen);
    }

    @Test
    void inAPodTheServiceAccountIsUsedOverTlsAndItsTokenIsReadAgainWhenRotated() throws Exception {
        Path sa = tmp.resolve("serviceaccount");
        Files.createDirectories(sa);
        SSLContext tls = selfSignedTls(sa.resolve("ca.crt"));
        assumeTrue(tls != null, "keytool is needed to make a test certificate");
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        String url = serve(https, "sa-token-1", "sa-token-2");
        Files.writeString(sa.resolve("token"), "sa-token-1\n");
        Files.writeString(sa.resolve("namespace"), "monitoring");
        int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
        Map<String, String> env = Map.of("KUBERNETES_SERVICE_HOST", "127.0.0.1", "KUBERNETES_SERVICE_PORT", String.valueOf(port));
        try (Fabric8ClusterGateway g = Fabric8ClusterGateway.connect(null, null, null, Duration.ofSeconds(10), env, sa)) {
            assertEquals("in-cluster (https://127.0.0.1:" + port + ")/monitoring", g.describe());
            assertEquals("monitoring", g.namespace(), "a pod's own namespace, as kubectl in a pod");
            ClusterAnswer a = g.query(new ClusterRequest.Get("pods", null, "web-1"));
            assertEquals(200, a.httpCode(), a.reason());
            assertEquals("monitoring", a.body().path("metadata").path("namespace").asText(), "the pod's own namespace is the default");
            Files.writeString(sa.resolve("token"), "sa-token-2\n");
            assertEquals(200, g.query(new ClusterRequest.Get("pods", null, "web-1")).httpCode());
        }
        assertEquals(List.of("Bearer sa-token-1", "Bearer sa-token-2"), seen.stream().distinct().toList());

        ClusterConfigException context = assertThrows(ClusterConfigException.class,
                () -> Fabric8ClusterGateway.connect(null, "prod", null, Duration.ofSeconds(1), env, sa));
        assertEquals("--context prod: there is no kubeconfig here, only the pod's in-cluster configuration", context.getMessage());
    }

    @Test
    void outsideAPodWithNoKubeconfigTheErrorSaysWhereItLooked() {
        Map<String, String> env = Map.of("KUBECONFIG", tmp.resolve("missing").toString());
        ClusterConfigException e = assertThrows(ClusterConfigException.class,
                () -> Fabric8ClusterGateway.connect(null, null, null, Duration.ofSeconds(1), env, tmp.resolve("no-sa")));
        assertEquals("kubeconfig not found: " + tmp.resolve("missing") + " ($KUBECONFIG)", e.getMessage());
    }

    /** Serves GET pods/web-1 in any namespace to the given bearer tokens only; 401 to anything else. */
    private String serve(HttpServer s, String... tokens) {
        server = s;
        s.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(String.valueOf(auth));
            String path = exchange.getRequestURI().getPath();
            boolean ok = auth != null && List.of(tokens).stream().anyMatch(t -> auth.equals("Bearer " + t));
            int status = !ok ? 401 : path.endsWith("/pods/web-1") ? 200 : 404;
            String ns = path.replaceAll("^/api/v1/namespaces/([^/]+)/.*$", "$1");
            byte[] body = (status == 200 ? POD.formatted(ns)
                    : "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        s.start();
        String scheme = s instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + s.getAddress().getPort();
    }

    private Path kubeconfig(String url, String user) throws IOException {
        Path file = tmp.resolve("config");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: %s
                contexts:
                - name: ctx
                  context:
                    cluster: c
                    user: u
                    namespace: default
                current-context: ctx
                users:
                - name: u
                  user:
                %s""".formatted(url, user));
        return file;
    }

    /** A self-signed certificate for 127.0.0.1 made by the JDK's keytool; its PEM goes to {@code caFile}. */
    private SSLContext selfSignedTls(Path caFile) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) return null;
        Path store = tmp.resolve("server.p12");
        run(keytool.toString(), "-genkeypair", "-alias", "api", "-keyalg", "EC", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        run(keytool.toString(), "-exportcert", "-rfc", "-alias", "api", "-keystore", store.toString(),
                "-storepass", "changeit", "-file", caFile.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException(String.join(" ", command) + ": " + out);
    }
}
