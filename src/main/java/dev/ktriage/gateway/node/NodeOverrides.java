package dev.ktriage.gateway.node;

import dev.ktriage.yaml.YNode;
import dev.ktriage.yaml.YamlReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-node SSH overrides from the ktriage config file (~/.config/ktriage/config.yaml), for nodes
 * whose address, user, port, jump host or need for sudo differ from what the cluster and
 * ~/.ssh/config say:
 * <pre>
 * ssh:
 *   nodes:
 *     ip-10-0-1-5:   {host: 10.0.1.5, port: 2222, user: admin, jump: bastion, sudo: false}
 *     "gpu-*":       {user: core}
 *     "fargate-*":   {access: api}      # no SSH: through the API server (the kubelet's node log query)
 *     "bottlerocket-*": {access: debug-pod}  # no SSH: a privileged debug pod, created with consent
 * </pre>
 * ("debugPod" and "contexts" in the same file are read by {@code dev.ktriage.gateway.debugpod.DebugPodConfig}.)
 * Keys are node names or patterns ({@code *}, {@code ?}); the first entry that matches wins.
 * Unknown keys are errors with file:line, like everywhere else in ktriage.
 */
public record NodeOverrides(List<Entry> entries) {

    public static final Path DEFAULT_FILE = Path.of(System.getProperty("user.home"), ".config", "ktriage", "config.yaml");

    /**
     * One node's (or pattern's) settings; null where the entry says nothing.
     *
     * @param access how the node is reached (ssh, api, debug-pod); null when the entry does not say
     */
    public record Entry(String pattern, String host, Integer port, String user, String jump, Boolean sudo, NodeAccess access) {

        public Entry(String pattern, String host, Integer port, String user, String jump, Boolean sudo) {
            this(pattern, host, port, user, jump, sudo, null);
        }
    }

    public NodeOverrides {
        entries = List.copyOf(entries);
    }

    public static NodeOverrides none() {
        return new NodeOverrides(List.of());
    }

    /** A missing file is no overrides. */
    public static NodeOverrides load(Path file) {
        if (file == null || !Files.isRegularFile(file)) return none();
        YNode.YMap root = YamlReader.readOne(file, file.toString()).asMap().onlyKeys(Set.of("ssh", "debugPod", "contexts"));
        if (!root.has("ssh")) return none();
        YNode.YMap ssh = root.get("ssh").asMap().onlyKeys(Set.of("nodes"));
        if (!ssh.has("nodes")) return none();
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, YNode> e : ssh.get("nodes").asMap().entries().entrySet()) {
            YNode.YMap m = e.getValue().asMap().onlyKeys(Set.of("host", "port", "user", "jump", "sudo", "access"));
            NodeAccess access = null;
            if (m.has("access")) {
                try {
                    access = NodeAccess.of(m.get("access").asText());
                } catch (IllegalArgumentException bad) {
                    throw m.get("access").error(bad.getMessage());
                }
            }
            out.add(new Entry(e.getKey(), m.text("host", null), m.has("port") ? m.get("port").asInt() : null,
                    m.text("user", null), m.text("jump", null), m.has("sudo") ? m.get("sudo").asBoolean() : null, access));
        }
        return new NodeOverrides(out);
    }

    public Optional<Entry> forNode(String node) {
        return entries.stream().filter(e -> SshConfig.glob(e.pattern().toLowerCase(java.util.Locale.ROOT),
                node.toLowerCase(java.util.Locale.ROOT))).findFirst();
    }
}
