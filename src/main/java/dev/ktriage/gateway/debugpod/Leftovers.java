package dev.ktriage.gateway.debugpod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * ktriage's debug pods found in the cluster by their label, each with whether it may go: a pod
 * whose ktriage process on this machine is gone (kill -9, a crash) or that has ended (its
 * activeDeadlineSeconds passed) is left over; one a running ktriage uses, or that someone else's
 * ktriage made, is not ours to delete unless asked to.
 */
public final class Leftovers {

    /** Why a pod may or may not be deleted. */
    public enum Verdict {
        LEFT_BEHIND(true), ENDED(true), IN_USE(false), SOMEONE_ELSES(false), BEING_DELETED(false);

        private final boolean leftOver;

        Verdict(boolean leftOver) {
            this.leftOver = leftOver;
        }

        public boolean leftOver() {
            return leftOver;
        }
    }

    /** One debug pod and what to make of it. */
    public record Found(String namespace, String name, String node, String owner, String pid, String phase, String created, Verdict verdict) {

        public String ref() {
            return namespace + "/" + name;
        }

        /** Why the verdict, in words for the operator. */
        public String why() {
            return switch (verdict) {
                case LEFT_BEHIND -> "its ktriage (pid " + pid + " on " + owner + ") is gone";
                case ENDED -> "it has ended (phase " + phase + ")";
                case IN_USE -> "pid " + pid + " on " + owner + " still runs";
                case SOMEONE_ELSES -> "made by " + owner;
                case BEING_DELETED -> "already being deleted";
            };
        }
    }

    private final KubernetesClient client;
    private final Owner me;

    public Leftovers(KubernetesClient client, Owner me) {
        this.client = client;
        this.me = me;
    }

    /** @param namespace null: every namespace */
    public List<Found> find(String namespace) {
        List<Pod> pods = namespace == null
                ? client.pods().inAnyNamespace().withLabel(DebugPodSpec.MANAGED_BY, DebugPodSpec.MANAGER).list().getItems()
                : client.pods().inNamespace(namespace).withLabel(DebugPodSpec.MANAGED_BY, DebugPodSpec.MANAGER).list().getItems();
        return pods.stream().map(this::judge).toList();
    }

    Found judge(Pod pod) {
        Map<String, String> notes = pod.getMetadata().getAnnotations() == null ? Map.of() : pod.getMetadata().getAnnotations();
        String who = notes.getOrDefault(DebugPodSpec.OWNER, "unknown");
        String pid = notes.getOrDefault(DebugPodSpec.PID, "?");
        String phase = pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Unknown" : pod.getStatus().getPhase();
        Verdict verdict;
        if (pod.getMetadata().getDeletionTimestamp() != null) verdict = Verdict.BEING_DELETED;
        else if (phase.equals("Failed") || phase.equals("Succeeded")) verdict = Verdict.ENDED;
        else if (me.leftBehind(who, pid)) verdict = Verdict.LEFT_BEHIND;
        else if (me.who().equals(who)) verdict = Verdict.IN_USE;
        else verdict = Verdict.SOMEONE_ELSES;
        String node = pod.getSpec() != null && pod.getSpec().getNodeName() != null ? pod.getSpec().getNodeName() : notes.getOrDefault(DebugPodSpec.NODE, "?");
        return new Found(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), node, who, pid, phase,
                pod.getMetadata().getCreationTimestamp(), verdict);
    }

    /** Deletes one pod at once; a pod already gone counts as deleted. */
    public void delete(Found pod) {
        client.pods().inNamespace(pod.namespace()).withName(pod.name()).withGracePeriod(0).delete();
    }
}
