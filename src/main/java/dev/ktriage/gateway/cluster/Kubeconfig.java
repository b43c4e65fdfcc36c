package dev.ktriage.gateway.cluster;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The kubeconfig file ktriage uses and its contexts, checked before fabric8 sees it so errors are one clear line. */
record Kubeconfig(Path file, Config parsed) {

    /** The argument, else the first entry of $KUBECONFIG, else ~/.kube/config. */
    static Kubeconfig locate(Path explicit, Map<String, String> env) {
        Path file = explicit;
        String source = "--kubeconfig";
        if (file == null) {
            String fromEnv = env.get("KUBECONFIG");
            if (fromEnv != null && !fromEnv.isBlank()) {
                file = Path.of(fromEnv.split(File.pathSeparator)[0]);
                source = "$KUBECONFIG";
            } else {
                file = defaultFile();
                source = "default location";
            }
        }
        if (!Files.isRegularFile(file)) throw new ClusterConfigException("kubeconfig not found: " + file + " (" + source + ")");
        if (!Files.isReadable(file)) throw new ClusterConfigException("kubeconfig not readable: " + file);
        try {
            return new Kubeconfig(file, KubeConfigUtils.parseConfig(file.toFile()));
        } catch (RuntimeException e) {
            throw new ClusterConfigException("kubeconfig " + file + " is not valid: " + ClusterFailure.oneLine(e), e);
        }
    }

    /** Whether a kubeconfig is named by $KUBECONFIG or sits at ~/.kube/config (else in-cluster may apply). */
    static boolean present(Map<String, String> env) {
        String fromEnv = env.get("KUBECONFIG");
        return (fromEnv != null && !fromEnv.isBlank()) || Files.exists(defaultFile());
    }

    private static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    /** Every context's name, in the file's order. */
    List<String> contexts() {
        return parsed.getContexts() == null ? List.of() : parsed.getContexts().stream().map(NamedContext::getName).toList();
    }

    /** The context to use: the one asked for (which must exist), else the current-context. */
    String context(String asked) {
        List<String> names = parsed.getContexts() == null ? List.of()
                : parsed.getContexts().stream().map(NamedContext::getName).toList();
        String context = asked != null ? asked : parsed.getCurrentContext();
        if (context == null || context.isEmpty()) {
            throw new ClusterConfigException("kubeconfig " + file + " has no current-context; choose one of: " + String.join(", ", names));
        }
        if (!names.contains(context)) {
            throw new ClusterConfigException("context '" + context + "' not found in " + file
                    + (names.isEmpty() ? " (it has no contexts)" : " (available: " + String.join(", ", names) + ")"));
        }
        return context;
    }
}
