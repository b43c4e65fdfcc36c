package dev.ktriage.gateway.debugpod;

import java.time.Duration;

/**
 * How ktriage's debug pods are made.
 *
 * @param image           the debugger container's image; it only needs {@code chroot} and {@code sleep} (busybox has both)
 * @param namespace       where the pods go (a namespace whose PodSecurity admits privileged pods)
 * @param deadlineSeconds the pod's activeDeadlineSeconds: the kubelet ends it after this even if ktriage never comes back
 * @param startTimeout    how long a pod may take to be Running (image pull, scheduling) before the read fails
 * @param deleteTimeout   how long the session's end waits for the deletes
 */
public record DebugPodSettings(String image, String namespace, int deadlineSeconds, Duration startTimeout, Duration deleteTimeout) {

    public static final String DEFAULT_IMAGE = "busybox:1.36";
    public static final int DEFAULT_DEADLINE_SECONDS = 900;

    public DebugPodSettings {
        if (image == null || image.isBlank()) throw new IllegalArgumentException("the debug pod image is empty");
        if (namespace == null || namespace.isBlank()) throw new IllegalArgumentException("the debug pod namespace is empty");
        if (deadlineSeconds < 60) throw new IllegalArgumentException("the debug pod deadline must be at least 60 seconds, not " + deadlineSeconds);
    }

    public static DebugPodSettings defaults(String namespace) {
        return new DebugPodSettings(DEFAULT_IMAGE, namespace, DEFAULT_DEADLINE_SECONDS, Duration.ofSeconds(60), Duration.ofSeconds(3));
    }

    public DebugPodSettings withImage(String image) {
        return image == null ? this : new DebugPodSettings(image, namespace, deadlineSeconds, startTimeout, deleteTimeout);
    }

    public DebugPodSettings withNamespace(String namespace) {
        return namespace == null ? this : new DebugPodSettings(image, namespace, deadlineSeconds, startTimeout, deleteTimeout);
    }

    public DebugPodSettings withDeadlineSeconds(Integer seconds) {
        return seconds == null ? this : new DebugPodSettings(image, namespace, seconds, startTimeout, deleteTimeout);
    }

    public DebugPodSettings withStartTimeout(Duration timeout) {
        return new DebugPodSettings(image, namespace, deadlineSeconds, timeout, deleteTimeout);
    }
}
