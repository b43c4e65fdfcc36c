package dev.ktriage.gateway.debugpod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The pod ktriage runs a node's commands in: what {@code kubectl debug node/NODE --profile=sysadmin}
 * creates (kubernetes/kubectl pkg/cmd/debug/debug.go generateNodeDebugPod and profiles.go: pinned
 * to the node by nodeName, every taint tolerated, host network, PID and IPC namespaces, the node's
 * root at /host, privileged, restartPolicy Never), with what a tool that must clean up after
 * itself adds: a label to find its pods by, who made it, a command that ends on its own and an
 * activeDeadlineSeconds, and no service account token (nothing in it talks to the API server).
 */
public final class DebugPodSpec {

    public static final String CONTAINER = "debugger";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "ktriage";
    /** The selector that lists ktriage's debug pods. */
    public static final String SELECTOR = MANAGED_BY + "=" + MANAGER;
    public static final String OWNER = "ktriage.dev/owner";
    public static final String PID = "ktriage.dev/pid";
    public static final String NODE = "ktriage.dev/node";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private DebugPodSpec() {
    }

    /** As kubectl names them: node-debugger-NODE-xxxxx, the node part cut so the name stays a valid 63-character label. */
    static String name(String node) {
        StringBuilder suffix = new StringBuilder(5);
        for (int i = 0; i < 5; i++) suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        String nodePart = node.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        int room = 63 - "node-debugger-".length() - 1 - suffix.length();
        if (nodePart.length() > room) nodePart = nodePart.substring(0, room);
        nodePart = nodePart.replaceAll("-+$", "");
        return "node-debugger-" + nodePart + "-" + suffix;
    }

    static Pod pod(String name, String node, DebugPodSettings settings, Owner owner, Instant now) {
        return new PodBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(settings.namespace())
                    .withLabels(Map.of(MANAGED_BY, MANAGER))
                    .withAnnotations(Map.of(OWNER, owner.who(), PID, Long.toString(owner.pid()), NODE, node,
                            "ktriage.dev/created", now.toString()))
                .endMetadata()
                .withNewSpec()
                    .withNodeName(node)
                    .withRestartPolicy("Never")
                    .withHostNetwork(true)
                    .withHostPID(true)
                    .withHostIPC(true)
                    .withAutomountServiceAccountToken(false)
                    .withActiveDeadlineSeconds((long) settings.deadlineSeconds())
                    .withTerminationGracePeriodSeconds(0L)
                    .addNewToleration().withOperator("Exists").endToleration()
                    .addNewVolume().withName("host-root").withNewHostPath().withPath("/").endHostPath().endVolume()
                    .addNewContainer()
                        .withName(CONTAINER)
                        .withImage(settings.image())
                        .withCommand("sleep", Integer.toString(settings.deadlineSeconds()))
                        .addNewVolumeMount().withName("host-root").withMountPath("/host").endVolumeMount()
                        .withNewSecurityContext().withPrivileged(true).endSecurityContext()
                    .endContainer()
                .endSpec()
                .build();
    }
}
