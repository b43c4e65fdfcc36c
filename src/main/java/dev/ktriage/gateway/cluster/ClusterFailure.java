package dev.ktriage.gateway.cluster;

import dev.ktriage.gateway.GatherStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

/**
 * Why a call to the API server failed, in the terms a step records: forbidden (with the verb and
 * resource that RBAC refused), timeout, unreachable, or an error in one line.
 */
record ClusterFailure(GatherStatus status, int httpCode, String reason) {

    /**
     * @param verb     "get", "list"
     * @param resource "pods", "pods/log"
     * @param namespace null for cluster-scoped and all-namespace calls
     */
    static ClusterFailure of(Throwable error, String verb, String resource, String namespace) {
        int code = error instanceof KubernetesClientException k ? k.getCode() : 0;
        if (code == 403) return forbidden(verb, resource, namespace);
        return of(error, verb + " " + resource + scope(namespace));
    }

    /** @param what the call in words ("list events in namespace kube-system") */
    static ClusterFailure of(Throwable error, String what) {
        int code = error instanceof KubernetesClientException k ? k.getCode() : 0;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return new ClusterFailure(GatherStatus.TIMEOUT, 0, "timeout: " + what + " got no answer in time");
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new ClusterFailure(GatherStatus.UNREACHABLE, 0, "unreachable: " + what + ": unknown host " + oneLine(t));
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new ClusterFailure(GatherStatus.UNREACHABLE, 0, "unreachable: " + what + ": " + oneLine(t));
            }
            if (t.getCause() == t) break;
        }
        return new ClusterFailure(GatherStatus.ERROR, Math.max(code, 0), "error: " + what + ": " + oneLine(error));
    }

    static ClusterFailure forbidden(String verb, String resource, String namespace) {
        return new ClusterFailure(GatherStatus.FORBIDDEN, 403, "forbidden: cannot " + verb + " " + resource + scope(namespace));
    }

    private static String scope(String namespace) {
        return namespace == null ? " at cluster scope" : " in namespace " + namespace;
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
