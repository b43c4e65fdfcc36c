package dev.ktriage.gateway;

/**
 * One permission a read needs, as a SelfSubjectAccessReview asks it: a verb on a resource (and
 * subresource) in a namespace, or a verb on a non-resource path.
 *
 * @param resource    as playbooks name it: "pods", or "events.events.k8s.io" with its group
 * @param subresource "log", "proxy", or null
 * @param namespace   null: cluster-scoped, or across all namespaces
 * @param path        a non-resource URL ("/healthz"); then resource is null
 */
public record AccessCheck(String verb, String resource, String subresource, String namespace, String path) {

    public static AccessCheck resource(String verb, String resource, String subresource, String namespace) {
        return new AccessCheck(verb, resource, subresource, namespace, null);
    }

    public static AccessCheck path(String verb, String path) {
        return new AccessCheck(verb, null, null, null, path);
    }

    /** As kubectl auth can-i says it: "get pods/log in kube-system". */
    public String describe() {
        if (path != null) return verb + " " + path;
        return verb + " " + resource + (subresource == null ? "" : "/" + subresource)
                + (namespace == null ? "" : " in " + namespace);
    }

    /** The kubectl command that asks the same question. */
    public String kubectl() {
        if (path != null) return "kubectl auth can-i " + verb + " " + path;
        return "kubectl auth can-i " + verb + " " + resource + (subresource == null ? "" : "/" + subresource)
                + (namespace == null ? " -A" : " -n " + namespace);
    }
}
