package dev.ktriage.gateway;

/**
 * The only way the engine reads the Kubernetes API. Implementations: fabric8 against a live
 * cluster or the embedded lab, and replay from a transcript. Never throws for a failed call:
 * failures come back as an answer with a reason, so the session can go on.
 */
public interface ClusterGateway extends AutoCloseable {

    ClusterAnswer query(ClusterRequest request);

    /** The context and namespace shown to the operator ("lab", "prod-eu/kube-system"). */
    String describe();

    /**
     * The namespace this connection reads when none is named, as kubectl does: -n, else the
     * kubeconfig context's (a pod's own in-cluster). Null: none set ("default").
     */
    default String namespace() {
        return null;
    }

    @Override
    void close();
}
