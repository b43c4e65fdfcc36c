package dev.ktriage.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.ktriage.gateway.AccessCheck;
import dev.ktriage.gateway.AccessVerdict;
import dev.ktriage.gateway.cluster.Fabric8ClusterGateway;
import dev.ktriage.lab.Lab;
import dev.ktriage.lab.scenario.ScenarioLoader;
import dev.ktriage.playbook.ExtractorRegistry;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.PlaybookFile;
import dev.ktriage.playbook.PlaybookSources;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RBAC preflight: the reads a playbook needs, derived from its steps, and the cluster's verdicts. */
class AccessPreflightTest {

    /** One step per kind of read, plus a handoff whose playbook reads too. */
    private static final String READS = """
            version: 2
            id: reads
            title: Reads of every kind
            description: test
            inputs:
              - {id: pod, kind: pod, description: the pod}
              - {id: node, kind: node, description: the node}
            steps:
              - id: pod
                title: get
                explain: x
                gather: {cluster: {get: pods, namespace: "${pod.namespace}", name: "${pod.name}"}}
                let: {otherNs: "response.body.metadata.annotations.ns"}
                next: [{goto: logs}]
              - id: logs
                title: logs
                explain: x
                gather: {cluster: {logs: "${pod.name}", namespace: "${pod.namespace}", tailLines: 10}}
                next: [{goto: events}]
              - id: events
                title: list
                explain: x
                gather: {cluster: {list: events, namespace: "${otherNs}", limit: 10}}
                next: [{goto: configz}]
              - id: configz
                title: raw node proxy
                explain: x
                gather: {cluster: {raw: "/api/v1/nodes/${node}/proxy/configz"}}
                next: [{goto: health}]
              - id: health
                title: raw non-resource
                explain: x
                gather: {cluster: {raw: "/readyz?verbose"}}
                next: [{handoff: {playbook: more, set: {}}}]
            """;

    private static final String MORE = """
            version: 2
            id: more
            title: Handed off to
            description: test
            steps:
              - id: apiservice
                title: get cluster-scoped
                explain: x
                gather: {cluster: {get: apiservices, name: v1beta1.metrics.k8s.io}}
                next: [{end: true}]
            """;

    private static PlaybookCatalog catalog() {
        return PlaybookCatalog.load(List.of(new PlaybookFile("reads.yaml", READS, "test"), new PlaybookFile("more.yaml", MORE, "test")),
                ExtractorRegistry.fromClassLoader(AccessPreflightTest.class.getClassLoader()));
    }

    @Test
    void checksAreDerivedFromTheSteps() {
        List<AccessPreflight.Need> needs = AccessPreflight.needs(catalog(), "reads", Map.of("pod", "kube-system/coredns-1", "node", "n1"), "default");
        List<String> said = needs.stream().map(n -> n.step() + ": " + n.check().describe() + (n.namespaceAtRunTime() ? " (run time)" : "")).toList();
        assertEquals(List.of(
                "pod: get pods in kube-system",
                "logs: get pods/log in kube-system",
                "events: list events (run time)",
                "configz: get nodes/proxy",
                "health: get /readyz",
                "apiservice: get apiservices in default"), said);
    }

    @Test
    void onTheLabEveryReadIsAllowed(@TempDir Path dir) {
        Path scenario = Path.of(System.getProperty("ktriage.root", "."), "playbooks/failing-probes/scenarios/seed-coredns-cilium-rp-filter");
        try (Lab lab = Lab.start(ScenarioLoader.load(scenario), dir);
             Fabric8ClusterGateway cluster = Fabric8ClusterGateway.forUrl(lab.apiUrl(), Duration.ofSeconds(10))) {
            AccessVerdict v = cluster.review(AccessCheck.resource("get", "pods", "log", "kube-system"));
            assertEquals(Boolean.TRUE, v.allowed(), v::toString);
            int before = lab.apiRequests();
            List<AccessPreflight.Gap> gaps = AccessPreflight.check(catalog(), "reads",
                    Map.of("pod", "kube-system/coredns-749558f7dd-w6jdj", "node", "node0"), "default", cluster);
            assertEquals(List.of(), gaps);
            assertEquals(6, lab.apiRequests() - before, "one review per distinct check");
            // and a built-in playbook as the CLI would check it
            PlaybookCatalog builtIn = PlaybookCatalog.load(PlaybookSources.builtIn(), ExtractorRegistry.fromClassLoader(getClass().getClassLoader()));
            assertFalse(AccessPreflight.needs(builtIn, "failing-probes", Map.of("pod", "kube-system/coredns-749558f7dd-w6jdj"), "default").isEmpty());
            assertEquals(List.of(), AccessPreflight.check(builtIn, "failing-probes", Map.of("pod", "kube-system/coredns-749558f7dd-w6jdj"), "default", cluster));
        }
    }

    @Test
    void deniedReadsNameTheStepVerbAndResource() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> asked = new ArrayList<>();
        // a real HTTP API server that denies logs and node proxy, like a namespace-scoped viewer role
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", exchange -> {
            ObjectNode review = (ObjectNode) json.readTree(exchange.getRequestBody());
            synchronized (asked) {
                asked.add(review.deepCopy());
            }
            JsonNode attrs = review.path("spec").path("resourceAttributes");
            boolean denied = attrs.path("subresource").asText().equals("log") || attrs.path("subresource").asText().equals("proxy");
            review.putObject("status").put("allowed", !denied).put("reason", denied ? "RBAC: no rule allows it" : "");
            byte[] body = json.writeValueAsBytes(review);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        try (Fabric8ClusterGateway cluster = Fabric8ClusterGateway.forUrl("http://127.0.0.1:" + api.getAddress().getPort(), Duration.ofSeconds(10))) {
            List<AccessPreflight.Gap> gaps = AccessPreflight.check(catalog(), "reads", Map.of("pod", "kube-system/coredns-1", "node", "n1"), "default", cluster);
            assertEquals(List.of("logs", "configz"), gaps.stream().map(g -> g.need().step()).toList());
            String says = gaps.get(0).says();
            assertTrue(says.contains("will be inconclusive") && says.contains("get pods/log in kube-system")
                    && says.contains("kubectl auth can-i get pods/log -n kube-system"), says);
            JsonNode apiservice = asked.stream().filter(r -> r.at("/spec/resourceAttributes/resource").asText().equals("apiservices")).findFirst().orElseThrow();
            assertEquals("apiregistration.k8s.io", apiservice.at("/spec/resourceAttributes/group").asText(), "the group comes from the resource table");
            assertTrue(apiservice.at("/spec/resourceAttributes/namespace").isMissingNode(), "apiservices are cluster-scoped");
            assertTrue(asked.stream().anyMatch(r -> r.at("/spec/nonResourceAttributes/path").asText().equals("/readyz")));
        } finally {
            api.stop(0);
        }
    }

    @Test
    void aFailedReviewIsAGapWithItsReasonNotACrash() {
        List<AccessPreflight.Gap> gaps = AccessPreflight.check(catalog(), "more", Map.of(), "default",
                c -> new AccessVerdict(c, null, "cannot review access: connection refused"));
        assertEquals(1, gaps.size());
        assertTrue(gaps.get(0).says().contains("may be inconclusive") && gaps.get(0).says().contains("connection refused"), gaps.get(0).says());
    }
}
