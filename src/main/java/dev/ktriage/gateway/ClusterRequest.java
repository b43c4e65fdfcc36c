package dev.ktriage.gateway;

/**
 * One read-only question to the Kubernetes API. Every query names its scope: the server filters
 * (selectors, limits), ktriage never lists everything and filters locally.
 */
public sealed interface ClusterRequest {

    /** A stable, human-readable key; the replay source finds recorded answers by it. */
    String key();

    /** The kubectl command an operator would type to see the same thing. */
    String kubectl();

    /** GET one object. {@code resource} is the plural (pods, nodes, apiservices, ...). */
    record Get(String resource, String namespace, String name) implements ClusterRequest {
        public String key() {
            return "get " + resource + " " + scoped(namespace, name);
        }

        public String kubectl() {
            return "kubectl get " + resource + " " + name + ns(namespace) + " -o yaml";
        }
    }

    /** LIST with server-side selectors and a limit. Null fields are not sent. */
    record ListObjects(String resource, String namespace, String labelSelector, String fieldSelector, Integer limit)
            implements ClusterRequest {
        public String key() {
            return "list " + resource + " " + (namespace == null ? "*" : namespace)
                    + " labels=" + nz(labelSelector) + " fields=" + nz(fieldSelector) + " limit=" + (limit == null ? "" : limit);
        }

        public String kubectl() {
            StringBuilder b = new StringBuilder("kubectl get ").append(resource);
            b.append(namespace == null ? " -A" : " -n " + namespace);
            if (labelSelector != null) b.append(" -l '").append(labelSelector).append('\'');
            if (fieldSelector != null) b.append(" --field-selector '").append(fieldSelector).append('\'');
            if (limit != null) b.append(" --chunk-size=").append(limit);
            return b.append(" -o yaml").toString();
        }
    }

    /** Container log, optionally of the previous instance, optionally only the last lines. */
    record Logs(String namespace, String pod, String container, boolean previous, Integer tailLines)
            implements ClusterRequest {
        public String key() {
            return "logs " + scoped(namespace, pod) + " container=" + nz(container) + " previous=" + previous
                    + " tail=" + (tailLines == null ? "" : tailLines);
        }

        public String kubectl() {
            return "kubectl logs " + pod + ns(namespace) + (container == null ? "" : " -c " + container)
                    + (previous ? " --previous" : "") + (tailLines == null ? "" : " --tail=" + tailLines);
        }
    }

    /** GET a non-resource path (node proxy configz, metrics API, health endpoints). */
    record Raw(String path) implements ClusterRequest {
        public String key() {
            return "raw " + path;
        }

        public String kubectl() {
            return "kubectl get --raw '" + path + "'";
        }
    }

    /**
     * A SubjectAccessReview: may this user, in these groups, make this request? The authorizer's
     * own answer (RBAC and any other), as {@code kubectl auth can-i --as} asks it. Creates nothing:
     * a review is answered, never stored.
     *
     * @param apiGroup the resource's API group ("" for the core group)
     * @param path     a non-resource URL instead of a resource (then the resource fields are null)
     */
    record AccessReview(String user, java.util.List<String> groups, String verb, String apiGroup, String resource,
                        String subresource, String namespace, String name, String path) implements ClusterRequest {
        public AccessReview {
            groups = groups == null ? java.util.List.of() : java.util.List.copyOf(groups);
        }

        public String key() {
            return "review user=" + user + " groups=" + String.join(",", groups) + " verb=" + verb + " "
                    + (path != null ? "path=" + path : nz(apiGroup) + "/" + resource + "/" + nz(subresource) + " " + scoped(namespace, nz(name)));
        }

        public String kubectl() {
            StringBuilder b = new StringBuilder("kubectl auth can-i ").append(verb).append(' ');
            if (path != null) {
                b.append(path);
            } else {
                b.append(resource).append(apiGroup == null || apiGroup.isEmpty() ? "" : "." + apiGroup);
                if (subresource != null) b.append('/').append(subresource);
                if (name != null) b.append(' ').append(name);
            }
            b.append(ns(namespace)).append(" --as ").append(user);
            for (String g : groups) b.append(" --as-group ").append(g);
            return b.toString();
        }
    }

    private static String scoped(String namespace, String name) {
        return namespace == null ? name : namespace + "/" + name;
    }

    private static String ns(String namespace) {
        return namespace == null ? "" : " -n " + namespace;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
