package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.gateway.cluster.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /version, /api, /apis and the per-group-version resource lists, generated from the resource
 * types the lab serves. kubectl needs these to map "pods" or "ev" to a URL.
 */
final class DiscoveryDocuments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, List<String>> SHORT_NAMES = Map.ofEntries(
            Map.entry("pods", List.of("po")), Map.entry("events", List.of("ev")), Map.entry("nodes", List.of("no")),
            Map.entry("namespaces", List.of("ns")), Map.entry("services", List.of("svc")), Map.entry("endpoints", List.of("ep")),
            Map.entry("configmaps", List.of("cm")), Map.entry("serviceaccounts", List.of("sa")),
            Map.entry("deployments", List.of("deploy")), Map.entry("daemonsets", List.of("ds")),
            Map.entry("replicasets", List.of("rs")), Map.entry("statefulsets", List.of("sts")),
            Map.entry("networkpolicies", List.of("netpol")), Map.entry("persistentvolumes", List.of("pv")),
            Map.entry("persistentvolumeclaims", List.of("pvc")), Map.entry("ciliumnetworkpolicies", List.of("cnp")));

    private final List<ResourceType> types;
    private final String serverAddress;

    DiscoveryDocuments(List<ResourceType> types, String serverAddress) {
        this.types = types;
        this.serverAddress = serverAddress;
    }

    /** The document for a discovery path, if it is one. */
    Optional<ObjectNode> answer(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (p.equals("/version")) return Optional.of(version());
        if (p.equals("/api")) return Optional.of(coreVersions());
        if (p.equals("/apis")) return Optional.of(groups());
        if (p.equals("/apis/authorization.k8s.io/v1")) return Optional.of(authorizationResources());
        String[] s = p.substring(1).split("/");
        if (s.length == 2 && s[0].equals("api")) return resources("", s[1]);
        if (s.length == 3 && s[0].equals("apis")) return resources(s[1], s[2]);
        if (s.length == 2 && s[0].equals("apis")) return group(s[1]);
        return Optional.empty();
    }

    private ObjectNode version() {
        ObjectNode v = NODES.objectNode();
        v.put("major", "1").put("minor", "31").put("gitVersion", "v1.31.0-ktriage-lab").put("gitCommit", "lab")
                .put("gitTreeState", "clean").put("buildDate", "2026-01-01T00:00:00Z").put("goVersion", "go1.22")
                .put("compiler", "gc").put("platform", "linux/amd64");
        return v;
    }

    private ObjectNode coreVersions() {
        ObjectNode o = NODES.objectNode().put("kind", "APIVersions");
        o.putArray("versions").add("v1");
        o.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
        return o;
    }

    private ObjectNode groups() {
        ObjectNode o = NODES.objectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = o.putArray("groups");
        versionsByGroup().forEach((group, versions) -> groups.add(groupBody(group, versions)));
        return o;
    }

    private Optional<ObjectNode> group(String name) {
        List<String> versions = versionsByGroup().get(name);
        if (versions == null) return Optional.empty();
        ObjectNode g = groupBody(name, versions).put("kind", "APIGroup").put("apiVersion", "v1");
        return Optional.of(g);
    }

    private ObjectNode groupBody(String group, List<String> versions) {
        ObjectNode g = NODES.objectNode().put("name", group);
        ArrayNode vs = g.putArray("versions");
        for (String v : versions) vs.addObject().put("groupVersion", group + "/" + v).put("version", v);
        g.putObject("preferredVersion").put("groupVersion", group + "/" + versions.get(0)).put("version", versions.get(0));
        return g;
    }

    /** Non-core groups in table order, each with its versions in first-seen order. */
    private ObjectNode authorizationResources() {
        ObjectNode o = NODES.objectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", "authorization.k8s.io/v1");
        AccessReviews.resources().forEach(o.putArray("resources")::add);
        return o;
    }

    private Map<String, List<String>> versionsByGroup() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("authorization.k8s.io", List.of("v1"));
        for (ResourceType t : types) {
            if (t.group().isEmpty()) continue;
            List<String> vs = out.computeIfAbsent(t.group(), g -> new java.util.ArrayList<>());
            if (!vs.contains(t.version())) vs.add(t.version());
        }
        return out;
    }

    private Optional<ObjectNode> resources(String group, String version) {
        List<ResourceType> inVersion = types.stream().filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
        if (inVersion.isEmpty()) return Optional.empty();
        ObjectNode o = NODES.objectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", inVersion.get(0).apiVersion());
        ArrayNode list = o.putArray("resources");
        for (ResourceType t : inVersion) {
            ObjectNode r = list.addObject().put("name", t.plural()).put("singularName", t.singular())
                    .put("namespaced", t.namespaced()).put("kind", t.kind());
            ArrayNode verbs = r.putArray("verbs");
            List.of("get", "list", "watch").forEach(verbs::add);
            List<String> shortNames = SHORT_NAMES.get(t.plural());
            // events.k8s.io Events share the plural; only the core one takes the short name, as on a real server.
            if (shortNames != null && (group.isEmpty() || !t.plural().equals("events"))) {
                ArrayNode sn = r.putArray("shortNames");
                shortNames.forEach(sn::add);
            }
            if (t.plural().equals("pods") && group.isEmpty()) {
                list.addObject().put("name", "pods/log").put("singularName", "").put("namespaced", true)
                        .put("kind", "Pod").putArray("verbs").add("get");
            }
        }
        return Optional.of(o);
    }
}
