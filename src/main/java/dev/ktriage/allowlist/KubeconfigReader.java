package dev.ktriage.allowlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The only way a kubeconfig read from a node is kept: parsed, and rebuilt from the fields that say
 * who the file authenticates as and where it points (servers, CA, certificate files, context,
 * exec plugin name) — never client keys, tokens, passwords, auth-provider config or exec env
 * values. A file that is not a kubeconfig keeps nothing.
 */
public final class KubeconfigReader {

    static final String REMOVED = "<removed by ktriage>";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private static final Set<String> CLUSTER_KEEP = Set.of("server", "certificate-authority", "certificate-authority-data",
            "insecure-skip-tls-verify", "tls-server-name", "proxy-url", "disable-compression");
    private static final Set<String> USER_KEEP = Set.of("client-certificate", "client-certificate-data", "client-key",
            "tokenFile", "username", "as", "as-groups");
    private static final Set<String> USER_SECRET = Set.of("client-key-data", "token", "password");
    private static final List<String> TOP_KEEP = List.of("apiVersion", "kind", "current-context");

    private KubeconfigReader() {
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not a kubeconfig (nothing of it is kept)
     */
    public static String keep(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a kubeconfig ktriage can read; nothing of it was kept");
        }
        if (root == null || !root.isObject() || !(root.has("clusters") || root.has("users") || root.has("contexts"))) {
            throw new IllegalArgumentException("not a kubeconfig ktriage can read; nothing of it was kept");
        }
        ObjectNode out = YAML.createObjectNode();
        for (String k : TOP_KEEP) if (root.has(k) && root.get(k).isValueNode()) out.set(k, root.get(k));
        out.set("clusters", named(root.path("clusters"), "cluster", CLUSTER_KEEP, Set.of()));
        out.set("contexts", named(root.path("contexts"), "context", Set.of("cluster", "user", "namespace"), Set.of()));
        ArrayNode users = named(root.path("users"), "user", USER_KEEP, USER_SECRET);
        for (int i = 0; i < users.size(); i++) {
            JsonNode original = root.path("users").path(i).path("user");
            ObjectNode user = (ObjectNode) users.get(i).path("user");
            if (original.has("exec")) user.set("exec", exec(original.get("exec")));
            if (original.has("auth-provider")) {
                ObjectNode ap = user.putObject("auth-provider");
                ap.put("name", original.path("auth-provider").path("name").asText());
                if (original.path("auth-provider").has("config")) ap.put("config", REMOVED);
            }
        }
        out.set("users", users);
        try {
            return YAML.writeValueAsString(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("could not rewrite the kubeconfig; nothing of it was kept");
        }
    }

    private static ArrayNode named(JsonNode list, String inner, Set<String> keep, Set<String> secret) {
        ArrayNode out = YAML.createArrayNode();
        if (!list.isArray()) return out;
        for (JsonNode entry : list) {
            ObjectNode e = out.addObject();
            e.put("name", entry.path("name").asText());
            ObjectNode body = e.putObject(inner);
            entry.path(inner).fields().forEachRemaining(f -> {
                if (keep.contains(f.getKey()) && (f.getValue().isValueNode() || f.getValue().isArray())) body.set(f.getKey(), f.getValue());
                else if (secret.contains(f.getKey())) body.put(f.getKey(), REMOVED);
            });
        }
        return out;
    }

    private static ObjectNode exec(JsonNode exec) {
        ObjectNode out = YAML.createObjectNode();
        for (String k : List.of("apiVersion", "command", "interactiveMode", "provideClusterInfo")) {
            if (exec.has(k) && exec.get(k).isValueNode()) out.set(k, exec.get(k));
        }
        if (exec.has("args")) out.put("args", REMOVED);
        if (exec.path("env").isArray()) {
            ArrayNode env = out.putArray("env");
            for (JsonNode e : exec.path("env")) env.addObject().put("name", e.path("name").asText()).put("value", REMOVED);
        }
        return out;
    }
}
