package dev.ktriage.gateway.debugpod;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Optional;

/** What a debug pod's status says: running, never going to run, or why it does not run yet. */
final class PodState {

    private PodState() {
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
