package dev.ktriage.gateway.cluster;

/** The cluster cannot even be addressed: no kubeconfig, an unreadable one, or an unknown context. One-line message. */
public class ClusterConfigException extends RuntimeException {

    public ClusterConfigException(String message) {
        super(message);
    }

    public ClusterConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
