package dev.ktriage.gateway.debugpod;

import dev.ktriage.yaml.YNode;
import dev.ktriage.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The debug pod settings and the read-only contexts of the ktriage config file
 * (~/.config/ktriage/config.yaml), beside its {@code ssh} section:
 * <pre>
 * debugPod:
 *   image: registry.example.com/tools/busybox:1.36   # a mirror, when nodes cannot pull from Docker Hub
 *   namespace: ktriage-debug                          # labelled pod-security.kubernetes.io/enforce=privileged
 *   deadlineSeconds: 900                              # the pod's activeDeadlineSeconds
 * contexts:
 *   prod-eu: {readOnly: true}                         # never create anything here: no debug pods
 * </pre>
 * Unknown keys are errors with file:line.
 */
public record DebugPodConfig(String image, String namespace, Integer deadlineSeconds, Set<String> readOnlyContexts) {

    public DebugPodConfig {
        readOnlyContexts = Set.copyOf(readOnlyContexts);
    }

    public static DebugPodConfig none() {
        return new DebugPodConfig(null, null, null, Set.of());
    }

    /** A missing file says nothing. */
    public static DebugPodConfig load(Path file) {
        if (file == null || !Files.isRegularFile(file)) return none();
        YNode.YMap root = YamlReader.readOne(file, file.toString()).asMap().onlyKeys(Set.of("ssh", "debugPod", "contexts"));
        String image = null;
        String namespace = null;
        Integer deadline = null;
        if (root.has("debugPod")) {
            YNode.YMap d = root.get("debugPod").asMap().onlyKeys(Set.of("image", "namespace", "deadlineSeconds"));
            image = d.text("image", null);
            namespace = d.text("namespace", null);
            if (d.has("deadlineSeconds")) {
                deadline = d.get("deadlineSeconds").asInt();
                if (deadline < 60) throw d.get("deadlineSeconds").error("deadlineSeconds must be at least 60, not " + deadline);
            }
        }
        Set<String> readOnly = new LinkedHashSet<>();
        if (root.has("contexts")) {
            for (Map.Entry<String, YNode> e : root.get("contexts").asMap().entries().entrySet()) {
                YNode.YMap c = e.getValue().asMap().onlyKeys(Set.of("readOnly"));
                if (c.has("readOnly") && c.get("readOnly").asBoolean()) readOnly.add(e.getKey());
            }
        }
        return new DebugPodConfig(image, namespace, deadline, readOnly);
    }

    /** {@code base} with what the file sets. */
    public DebugPodSettings applyTo(DebugPodSettings base) {
        return base.withImage(image).withNamespace(namespace).withDeadlineSeconds(deadlineSeconds);
    }

    public boolean readOnly(String context) {
        return context != null && readOnlyContexts.contains(context);
    }
}
