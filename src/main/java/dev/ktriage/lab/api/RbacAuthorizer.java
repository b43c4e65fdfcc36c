package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lab's answer to a SubjectAccessReview, as the API server's RBAC authorizer gives it from the
 * scenario's ClusterRoles, Roles and their bindings (kubernetes/kubernetes
 * plugin/pkg/auth/authorizer/rbac/rbac.go and pkg/apis/rbac/v1/evaluation_helpers.go): a
 * ClusterRoleBinding grants its role everywhere, a RoleBinding in its namespace only; subjects
 * match by user, group or service account, for the user and groups the review names (as the API
 * server decides a SubjectAccessReview: it adds no group); rules match verb, API group, resource (and
 * resource/subresource, {@code *}), resourceNames, or a non-resource URL ({@code /x/*} a prefix);
 * an aggregated ClusterRole takes the rules of the roles its selectors match.
 */
final class RbacAuthorizer {

    private final List<ObjectNode> objects;

    RbacAuthorizer(List<ObjectNode> objects) {
        this.objects = objects;
    }

    /** The review's request. {@code path} is set for a non-resource URL; the resource fields otherwise. */
    record Request(String user, List<String> groups, String verb, String apiGroup, String resource, String subresource,
                   String namespace, String name, String path) {
    }

    /** Allowed with the binding that allows it, or denied with no reason, as the API server says it. */
    record Verdict(boolean allowed, String reason) {
    }

    Verdict review(Request r) {
        // a review is decided for the user and groups it names, nothing added: the groups an
        // authenticator would give (system:authenticated, system:serviceaccounts...) must be sent
        Set<String> groups = new LinkedHashSet<>(r.groups());
        String saNamespace = null;
        String saName = null;
        if (r.user().startsWith("system:serviceaccount:")) {
            String[] p = r.user().split(":", 4);
            if (p.length == 4) {
                saNamespace = p[2];
                saName = p[3];
            }
        }
        for (ObjectNode b : of("ClusterRoleBinding")) {
            String subject = subject(b, r.user(), groups, saNamespace, saName);
            if (subject == null) continue;
            JsonNode ref = b.path("roleRef");
            if (!ref.path("kind").asText().equals("ClusterRole")) continue;
            if (rules(clusterRole(ref.path("name").asText())).stream().anyMatch(rule -> allows(rule, r))) {
                return new Verdict(true, "RBAC: allowed by ClusterRoleBinding \"" + name(b) + "\" of ClusterRole \""
                        + ref.path("name").asText() + "\" to " + subject);
            }
        }
        if (r.namespace() != null && !r.namespace().isEmpty()) {
            for (ObjectNode b : of("RoleBinding")) {
                if (!b.path("metadata").path("namespace").asText().equals(r.namespace())) continue;
                String subject = subject(b, r.user(), groups, saNamespace, saName);
                if (subject == null) continue;
                JsonNode ref = b.path("roleRef");
                String kind = ref.path("kind").asText();
                List<JsonNode> rules = kind.equals("ClusterRole") ? rules(clusterRole(ref.path("name").asText()))
                        : rules(role(r.namespace(), ref.path("name").asText()));
                if (rules.stream().anyMatch(rule -> allows(rule, r))) {
                    return new Verdict(true, "RBAC: allowed by RoleBinding \"" + name(b) + "/" + r.namespace() + "\" of " + kind
                            + " \"" + ref.path("name").asText() + "\" to " + subject);
                }
            }
        }
        return new Verdict(false, "");
    }

    private List<ObjectNode> of(String kind) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode o : objects) if (o.path("kind").asText().equals(kind)) out.add(o);
        return out;
    }

    private static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    /** How the API server names the matching subject, or null when none of the binding's subjects is the caller. */
    private static String subject(ObjectNode binding, String user, Set<String> groups, String saNamespace, String saName) {
        for (JsonNode s : binding.path("subjects")) {
            String kind = s.path("kind").asText();
            String n = s.path("name").asText();
            switch (kind) {
                case "User" -> {
                    if (n.equals(user)) return "User \"" + n + "\"";
                }
                case "Group" -> {
                    if (groups.contains(n)) return "Group \"" + n + "\"";
                }
                case "ServiceAccount" -> {
                    String ns = s.path("namespace").asText(binding.path("metadata").path("namespace").asText());
                    if (n.equals(saName) && ns.equals(saNamespace)) return "ServiceAccount \"" + n + "/" + ns + "\"";
                }
                default -> {
                }
            }
        }
        return null;
    }

    private ObjectNode clusterRole(String name) {
        for (ObjectNode o : of("ClusterRole")) if (name(o).equals(name)) return o;
        return null;
    }

    private ObjectNode role(String namespace, String name) {
        for (ObjectNode o : of("Role")) {
            if (name(o).equals(name) && o.path("metadata").path("namespace").asText().equals(namespace)) return o;
        }
        return null;
    }

    /** A role's rules, with those of the ClusterRoles an aggregationRule selects. */
    private List<JsonNode> rules(ObjectNode role) {
        List<JsonNode> out = new ArrayList<>();
        if (role == null) return out;
        role.path("rules").forEach(out::add);
        for (JsonNode selector : role.path("aggregationRule").path("clusterRoleSelectors")) {
            for (ObjectNode other : of("ClusterRole")) {
                if (other != role && matchesLabels(selector.path("matchLabels"), other.path("metadata").path("labels"))) {
                    other.path("rules").forEach(out::add);
                }
            }
        }
        return out;
    }

    private static boolean matchesLabels(JsonNode wanted, JsonNode labels) {
        if (!wanted.isObject() || wanted.isEmpty()) return false;
        var it = wanted.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!labels.path(e.getKey()).asText("\u0000").equals(e.getValue().asText())) return false;
        }
        return true;
    }

    static boolean allows(JsonNode rule, Request r) {
        if (!has(rule.path("verbs"), r.verb())) return false;
        if (r.path() != null) {
            for (JsonNode u : rule.path("nonResourceURLs")) {
                String url = u.asText();
                if (url.equals("*") || url.equals(r.path()) || (url.endsWith("*") && r.path().startsWith(url.substring(0, url.length() - 1)))) {
                    return true;
                }
            }
            return false;
        }
        if (!has(rule.path("apiGroups"), r.apiGroup() == null ? "" : r.apiGroup())) return false;
        String combined = r.subresource() == null || r.subresource().isEmpty() ? r.resource() : r.resource() + "/" + r.subresource();
        boolean resource = false;
        for (JsonNode x : rule.path("resources")) {
            String res = x.asText();
            if (res.equals("*") || res.equals(combined) || (res.startsWith("*/") && r.subresource() != null
                    && res.substring(2).equals(r.subresource())) || (res.endsWith("/*") && r.subresource() != null
                    && res.substring(0, res.length() - 2).equals(r.resource()))) {
                resource = true;
            }
        }
        if (!resource) return false;
        JsonNode names = rule.path("resourceNames");
        if (names.isEmpty()) return true;
        for (JsonNode n : names) if (n.asText().equals(r.name())) return true;
        return false;
    }

    private static boolean has(JsonNode list, String value) {
        for (JsonNode x : list) if (x.asText().equals("*") || x.asText().equals(value)) return true;
        return false;
    }
}
