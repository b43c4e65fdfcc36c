package dev.ktriage.playbook;

import dev.ktriage.playbook.lang.Text;
import dev.ktriage.yaml.YNode;
import dev.ktriage.yaml.YNode.YMap;
import java.util.Set;

/**
 * Reads {@code gather: cluster:}. One verb key says what to do: {@code get: RESOURCE},
 * {@code list: RESOURCE}, {@code logs: POD}, {@code raw: PATH}.
 */
final class ClusterGatherReader {

    private static final Set<String> VERBS = Set.of("get", "list", "logs", "raw");
    /** Lists of these grow with the cluster: they must be narrowed on the server. */
    private static final Set<String> LARGE = Set.of("pods", "events", "endpoints", "endpointslices", "replicasets", "secrets", "configmaps");
    static final int DEFAULT_LIST_LIMIT = 500;

    private ClusterGatherReader() {
    }

    /** {@code accessReview: {user, groups, verb, group, resource, subresource, namespace, name | path}} (version 2). */
    static Gather.Review review(YMap r, java.util.function.Function<YNode, Text> text) {
        r.onlyKeys(Set.of("user", "groups", "verb", "group", "resource", "subresource", "namespace", "name", "path"));
        if (!r.has("user") && !r.has("groups")) throw r.error("an access review names a 'user' or 'groups'");
        if (r.has("path") == r.has("resource")) throw r.error("an access review asks about a 'resource' or a non-resource 'path'");
        if (r.has("path") && (r.has("group") || r.has("subresource") || r.has("namespace") || r.has("name"))) {
            throw r.error("a non-resource 'path' takes only user, groups and verb");
        }
        return new Gather.Review(t(r, "user", text), t(r, "groups", text), text.apply(r.require("verb")), t(r, "group", text),
                t(r, "resource", text), t(r, "subresource", text), t(r, "namespace", text), t(r, "name", text), t(r, "path", text));
    }

    static Gather.Cluster read(YMap m, java.util.function.Function<YNode, Text> text) {
        m.onlyKeys(Set.of("get", "list", "logs", "raw", "namespace", "name", "labelSelector", "fieldSelector",
                "limit", "container", "previous", "tailLines"));
        String verb = null;
        for (String v : VERBS) {
            if (m.has(v)) {
                if (verb != null) throw m.error("one of get, list, logs, raw — not both '" + verb + "' and '" + v + "'");
                verb = v;
            }
        }
        if (verb == null) throw m.error("a cluster gather needs one of: get, list, logs, raw");
        String target = m.get(verb).asText();
        Text ns = t(m, "namespace", text);
        Text name = t(m, "name", text);
        Text labels = t(m, "labelSelector", text);
        Text fields = t(m, "fieldSelector", text);
        Integer limit = m.has("limit") ? m.get("limit").asInt() : null;
        switch (verb) {
            case "get" -> {
                if (name == null) throw m.error("'get' needs a 'name'");
                return new Gather.Cluster("get", target, ns, name, null, null, null, null, false, null, null);
            }
            case "list" -> {
                if (LARGE.contains(target) && labels == null && fields == null && (ns == null || limit == null)) {
                    throw m.error("listing " + target + " needs a labelSelector or fieldSelector, or a namespace and a limit:"
                            + " large clusters have tens of thousands");
                }
                if (limit != null && (limit < 1 || limit > 5000)) throw m.get("limit").error("limit must be 1..5000");
                return new Gather.Cluster("list", target, ns, null, labels, fields, limit == null ? DEFAULT_LIST_LIMIT : limit,
                        null, false, null, null);
            }
            case "logs" -> {
                if (ns == null) throw m.error("'logs' needs a 'namespace'");
                Integer tail = m.has("tailLines") ? m.get("tailLines").asInt() : 500;
                boolean previous = m.has("previous") && m.get("previous").asBoolean();
                return new Gather.Cluster("logs", "pods", ns, text.apply(m.get("logs")), null, null, null,
                        t(m, "container", text), previous, tail, null);
            }
            default -> {
                if (!target.startsWith("/")) throw m.get("raw").error("a raw path starts with '/'");
                return new Gather.Cluster("raw", null, null, null, null, null, null, null, false, null, text.apply(m.get("raw")));
            }
        }
    }

    private static Text t(YMap m, String key, java.util.function.Function<YNode, Text> text) {
        return m.has(key) ? text.apply(m.get(key)) : null;
    }
}
