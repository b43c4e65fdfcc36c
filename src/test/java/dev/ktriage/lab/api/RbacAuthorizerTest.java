package dev.ktriage.lab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab's RBAC authorizer against the rules of the API server's (rbac.go, evaluation_helpers.go). */
class RbacAuthorizerTest {

    private static final String OBJECTS = """
            - {kind: ClusterRole, metadata: {name: metrics}, rules: [{apiGroups: [""], resources: [nodes/stats, nodes/metrics], verbs: [get]}]}
            - {kind: ClusterRoleBinding, metadata: {name: metrics}, roleRef: {kind: ClusterRole, name: metrics},
               subjects: [{kind: ServiceAccount, name: metrics-server, namespace: kube-system}]}
            - {kind: ClusterRole, metadata: {name: view-all, labels: {}}, aggregationRule: {clusterRoleSelectors: [{matchLabels: {agg: view}}]}}
            - {kind: ClusterRole, metadata: {name: pods-view, labels: {agg: view}}, rules: [{apiGroups: [""], resources: [pods, pods/log], verbs: [get, list]}]}
            - {kind: RoleBinding, metadata: {name: viewers, namespace: shop}, roleRef: {kind: ClusterRole, name: view-all},
               subjects: [{kind: Group, name: shop-team}]}
            - {kind: ClusterRole, metadata: {name: public}, rules: [{nonResourceURLs: [/healthz, /version, /livez/*], verbs: [get]}]}
            - {kind: ClusterRoleBinding, metadata: {name: public}, roleRef: {kind: ClusterRole, name: public},
               subjects: [{kind: Group, name: "system:authenticated"}, {kind: Group, name: "system:unauthenticated"}]}
            - {kind: Role, metadata: {name: cm, namespace: shop}, rules: [{apiGroups: [""], resources: [configmaps], resourceNames: [app], verbs: ["*"]}]}
            - {kind: RoleBinding, metadata: {name: cm, namespace: shop}, roleRef: {kind: Role, name: cm}, subjects: [{kind: User, name: alice}]}
            """;

    private final RbacAuthorizer rbac = new RbacAuthorizer(objects());

    private static List<ObjectNode> objects() {
        try {
            List<ObjectNode> out = new ArrayList<>();
            new ObjectMapper(new YAMLFactory()).readTree(OBJECTS).forEach(n -> out.add((ObjectNode) n));
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private RbacAuthorizer.Verdict resource(String user, List<String> groups, String verb, String resource, String sub, String ns, String name) {
        return rbac.review(new RbacAuthorizer.Request(user, groups, verb, "", resource, sub, ns, name, null));
    }

    @Test
    void aServiceAccountBoundClusterWideGetsExactlyItsSubresources() {
        RbacAuthorizer.Verdict v = resource("system:serviceaccount:kube-system:metrics-server", List.of(), "get", "nodes", "metrics", null, "node0");
        assertTrue(v.allowed());
        assertEquals("RBAC: allowed by ClusterRoleBinding \"metrics\" of ClusterRole \"metrics\" to ServiceAccount \"metrics-server/kube-system\"", v.reason());
        assertFalse(resource("system:serviceaccount:kube-system:metrics-server", List.of(), "get", "nodes", "proxy", null, "node0").allowed());
        assertFalse(resource("system:serviceaccount:default:metrics-server", List.of(), "get", "nodes", "metrics", null, "node0").allowed(),
                "the same name in another namespace is another service account");
        assertEquals("", resource("system:anonymous", List.of(), "get", "nodes", "stats", null, "node0").reason(), "a denial has no reason");
    }

    @Test
    void aRoleBindingGrantsInItsNamespaceOnlyAndAggregationCollectsRules() {
        assertTrue(resource("bob", List.of("shop-team"), "list", "pods", null, "shop", null).allowed());
        assertTrue(resource("bob", List.of("shop-team"), "get", "pods", "log", "shop", "web-1").allowed());
        assertFalse(resource("bob", List.of("shop-team"), "list", "pods", null, "kube-system", null).allowed());
        assertFalse(resource("bob", List.of(), "list", "pods", null, "shop", null).allowed());
    }

    @Test
    void resourceNamesAndNonResourceUrls() {
        assertTrue(resource("alice", List.of(), "delete", "configmaps", null, "shop", "app").allowed());
        assertFalse(resource("alice", List.of(), "delete", "configmaps", null, "shop", "other").allowed());
        assertFalse(resource("alice", List.of(), "list", "configmaps", null, "shop", null).allowed(), "a list names no object");
        assertTrue(rbac.review(new RbacAuthorizer.Request("system:anonymous", List.of("system:unauthenticated"), "get", null, null, null,
                null, null, "/livez/ping")).allowed());
        assertTrue(rbac.review(new RbacAuthorizer.Request("carol", List.of("system:authenticated"), "get", null, null, null, null, null,
                "/healthz")).allowed());
        assertFalse(rbac.review(new RbacAuthorizer.Request("carol", List.of(), "get", null, null, null, null, null, "/healthz")).allowed(),
                "a review adds no group: system:authenticated must be sent");
        assertFalse(rbac.review(new RbacAuthorizer.Request("carol", List.of("system:authenticated"), "get", null, null, null, null, null,
                "/metrics")).allowed());
    }
}
