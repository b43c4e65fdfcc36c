package dev.ktriage.gateway.debugpod;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Optional;

/** What a debug pod's status says: running, never going to run, or why it does not run yet. */
final class PodState {

    private PodState() {
    }

    /**
     * Why nothing will start a pod bound to {@code node}: it does not exist (the pod would wait
     * for the pod garbage collector), or its Ready condition is Unknown (the node lifecycle
     * controller's NodeStatusUnknown: the kubelet stopped posting status). Empty when the node
     * looks able to, or cannot be read (then the wait goes on: an unread node proves nothing).
     */
    static Optional<String> nodeCannotStart(KubernetesClient client, String node) {
        Node n;
        try {
            n = client.nodes().withName(node).get();
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
        if (n == null) return Optional.of("cannot start: node " + node + " does not exist (nodes \"" + node + "\" not found)");
        if (n.getStatus() == null || n.getStatus().getConditions() == null) return Optional.empty();
        for (NodeCondition c : n.getStatus().getConditions()) {
            if ("Ready".equals(c.getType()) && "Unknown".equals(c.getStatus())) {
                return Optional.of("cannot start: node " + node + " is Ready=Unknown" + (c.getReason() == null ? "" : " (" + c.getReason()
                        + messageOf(c.getMessage()) + ")") + (c.getLastTransitionTime() == null ? "" : " since " + c.getLastTransitionTime())
                        + ": its kubelet is not posting status, so nothing starts a pod there; reach the node over SSH");
            }
        }
        return Optional.empty();
    }

    static boolean running(Pod pod) {
        if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())) return false;
        return containerStatus(pod).map(c -> c.getState() != null && c.getState().getRunning() != null).orElse(false);
    }

    /** A pod that will never run: it ended, or its container cannot start (the image, its config). */
    static Optional<String> terminal(Pod pod) {
        if (pod.getStatus() == null) return Optional.empty();
        String phase = pod.getStatus().getPhase();
        if ("Failed".equals(phase) || "Succeeded".equals(phase)) return Optional.of("ended: " + describe(pod));
        Optional<ContainerStatus> c = containerStatus(pod);
        if (c.isPresent() && c.get().getState() != null && c.get().getState().getWaiting() != null) {
            String reason = String.valueOf(c.get().getState().getWaiting().getReason());
            if (List.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "CreateContainerConfigError", "CreateContainerError",
                    "RunContainerError").contains(reason)) {
                return Optional.of("cannot start its container: " + reason + messageOf(c.get().getState().getWaiting().getMessage()));
            }
        }
        return Optional.empty();
    }

    private static Optional<ContainerStatus> containerStatus(Pod pod) {
        if (pod.getStatus().getContainerStatuses() == null) return Optional.empty();
        return pod.getStatus().getContainerStatuses().stream().filter(c -> DebugPodSpec.CONTAINER.equals(c.getName())).findFirst();
    }

    /** phase, and the condition or container state that says why (Unschedulable: 0/3 nodes are available ...). */
    static String describe(Pod pod) {
        if (pod.getStatus() == null) return "no status yet";
        StringBuilder b = new StringBuilder("phase ").append(pod.getStatus().getPhase());
        if (pod.getStatus().getReason() != null) b.append(", ").append(pod.getStatus().getReason()).append(messageOf(pod.getStatus().getMessage()));
        if (pod.getStatus().getConditions() != null) {
            for (PodCondition c : pod.getStatus().getConditions()) {
                if ("False".equals(c.getStatus()) && c.getReason() != null) {
                    b.append(", ").append(c.getType()).append(" ").append(c.getReason()).append(messageOf(c.getMessage()));
                }
            }
        }
        containerStatus(pod).filter(c -> c.getState() != null && c.getState().getWaiting() != null)
                .ifPresent(c -> b.append(", container waiting: ").append(c.getState().getWaiting().getReason()));
        return b.toString();
    }

    private static String messageOf(String message) {
        return message == null || message.isBlank() ? "" : ": " + message.strip();
    }
}
