package dev.ktriage.lab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.cluster.Fabric8ClusterGateway;
import dev.ktriage.lab.LabFixtures;
import dev.ktriage.lab.scenario.ScenarioLoader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab must answer the queries ktriage and kubectl make the way a real API server does. */
class LabApiServerFidelityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LabApiServer lab;
    private static KubernetesClient client;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        lab = LabApiServer.start(ScenarioLoader.load(LabFixtures.dir("basic")));
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
                .withMasterUrl(lab.url()).withNamespace("default").withRequestRetryBackoffLimit(0).build()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        lab.close();
    }

    @Test
    void eventsByInvolvedObjectNameAndByReason() {
        assertEquals(List.of("coredns-abc.1", "coredns-abc.2"), names(client.v1().events().inNamespace("kube-system")
                .withField("involvedObject.name", "coredns-abc").list().getItems()));
        assertEquals(List.of("web-1.1", "coredns-abc.1"), names(client.v1().events().inAnyNamespace()
                .withField("reason", "Unhealthy").list().getItems()));
        assertEquals(List.of("coredns-abc.1"), names(client.v1().events().inNamespace("kube-system")
                .withField("involvedObject.name", "coredns-abc").withField("type", "Warning").list().getItems()));
        assertEquals(List.of("node0.1"), names(client.v1().events().inAnyNamespace()
                .withField("involvedObject.kind", "Node").list().getItems()));
        // events.k8s.io Events are their own resource, not mixed into core/v1 lists.
        assertEquals(List.of("sysctl.1"), names(client.events().v1().events().inAnyNamespace()
                .withField("reason", "SysctlForbidden").list().getItems()));
        assertTrue(client.v1().events().inAnyNamespace().withField("reason", "SysctlForbidden").list().getItems().isEmpty());
    }

    @Test
    void podsByNodeNameAndPhase() {
        assertEquals(List.of("web-2", "coredns-abc"), names(client.pods().inAnyNamespace().withField("spec.nodeName", "node0").list().getItems()));
        assertEquals(List.of("job-x"), names(client.pods().inAnyNamespace().withField("status.phase", "Succeeded").list().getItems()));
        assertEquals(List.of("web-1", "web-2"), names(client.pods().inNamespace("default")
                .withField("status.phase", "Running").list().getItems()));
        assertEquals(List.of("coredns-abc"), names(client.pods().inAnyNamespace().withField("metadata.namespace", "kube-system").list().getItems()));
    }

    @Test
    void notEqualsFieldAndLabelSelectors() throws Exception {
        assertEquals(List.of("job-x", "web-1"), names(client.pods().inAnyNamespace().withoutField("spec.nodeName", "node0").list().getItems()));
        assertEquals(List.of("web-2", "coredns-abc"), names(list("/api/v1/pods", "fieldSelector", "spec.nodeName==node0")));
        assertEquals(List.of("job-x", "web-2", "coredns-abc"), names(list("/api/v1/pods", "labelSelector", "tier!=frontend")));
    }

    @Test
    void setBasedLabelSelectors() throws Exception {
        assertEquals(List.of("web-1", "web-2"), names(list("/api/v1/pods", "labelSelector", "tier in (frontend,backend)")));
        assertEquals(List.of("job-x", "web-2", "coredns-abc"), names(list("/api/v1/pods", "labelSelector", "tier notin (frontend)")));
        assertEquals(List.of("web-1", "web-2"), names(list("/api/v1/pods", "labelSelector", "tier")));
        assertEquals(List.of("job-x", "coredns-abc"), names(list("/api/v1/pods", "labelSelector", "!tier")));
        assertEquals(List.of("web-1"), names(list("/api/v1/namespaces/default/pods", "labelSelector", "app=web,tier in (frontend)")));
        assertEquals(List.of("web-1"), names(client.pods().inNamespace("default").withLabelIn("tier", "frontend").list().getItems()));
        assertEquals(List.of("coredns-abc"), names(client.pods().inAnyNamespace().withLabel("k8s-app", "kube-dns").list().getItems()));
    }

    @Test
    void limitAndContinueCollectEveryItemExactlyOnce() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            PodList page = client.pods().inAnyNamespace().list(new ListOptionsBuilder().withLimit(3L).withContinue(token).build());
            seen.addAll(names(page.getItems()));
            token = page.getMetadata().getContinue();
            if (token != null) assertEquals(4 - seen.size(), page.getMetadata().getRemainingItemCount());
            pages++;
        } while (token != null && !token.isEmpty());
        assertEquals(2, pages);
        assertEquals(List.of("job-x", "web-1", "web-2", "coredns-abc"), seen);

        seen.clear();
        token = null;
        do {
            var page = client.v1().events().inAnyNamespace().list(new ListOptionsBuilder().withLimit(1L).withContinue(token).build());
            seen.addAll(names(page.getItems()));
            token = page.getMetadata().getContinue();
        } while (token != null && !token.isEmpty());
        assertEquals(List.of("node0.1", "web-1.1", "web-2.1", "coredns-abc.1", "coredns-abc.2"), seen);
    }

    @Test
    void logsHonourContainerPreviousAndTailLines() {
        var coredns = client.pods().inNamespace("kube-system").withName("coredns-abc");
        assertEquals("line 4\n[ERROR] plugin/errors: 2 nxdomain\n", coredns.inContainer("coredns").tailingLines(2).getLog());
        assertEquals("old 1\nold 2\npanic: crashed\n", coredns.inContainer("coredns").terminated().getLog());
        assertEquals("sidecar ready\n", client.pods().inNamespace("default").withName("web-1").inContainer("sidecar").getLog());
    }

    @Test
    void logErrorsAreTheRealServersMessages() throws Exception {
        JsonNode multi = getJson("/api/v1/namespaces/default/pods/web-1/log", 400);
        assertEquals("a container name must be specified for pod web-1, choose one of: [app sidecar]", multi.path("message").asText());
        assertEquals("BadRequest", multi.path("reason").asText());

        JsonNode previous = getJson("/api/v1/namespaces/default/pods/web-1/log?container=app&previous=true", 400);
        assertEquals("previous terminated container \"app\" in pod \"web-1\" not found", previous.path("message").asText());

        JsonNode unknown = getJson("/api/v1/namespaces/default/pods/ghost/log", 404);
        assertEquals("Status", unknown.path("kind").asText());
        assertEquals("pods \"ghost\" not found", unknown.path("message").asText());

        // A single-container pod needs no container name.
        HttpResponse<String> single = get("/api/v1/namespaces/kube-system/pods/coredns-abc/log?tailLines=1");
        assertEquals(200, single.statusCode());
        assertEquals("[ERROR] plugin/errors: 2 nxdomain\n", single.body());
    }

    @Test
    void rawPathsServeJsonTextAndTheirStatus() throws Exception {
        HttpResponse<String> configz = get("/api/v1/nodes/node0/proxy/configz?timeout=5s");
        assertEquals(200, configz.statusCode());
        assertEquals("application/json", configz.headers().firstValue("Content-Type").orElse(""));
        assertEquals("net.core.somaxconn", JSON.readTree(configz.body()).at("/kubeletconfig/allowedUnsafeSysctls/0").asText());

        HttpResponse<String> metrics = get("/apis/metrics.k8s.io/v1beta1/nodes");
        assertEquals(503, metrics.statusCode());
        assertEquals("service unavailable", metrics.body());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    /**
     * A raw answer with delayMs arrives that late; a read whose timeout is shorter gets no answer at
     * all: ktriage's gateway reports the timeout (as for a hung aggregated API or kubelet proxy).
     */
    @Test
    void aDelayedRawAnswerComesLateAndTimesOutAShorterRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cluster.yaml"), "");
        Files.writeString(dir.resolve("raw.yaml"), """
                - path: /apis/metrics.k8s.io/v1beta1/nodes
                  status: 504
                  body: {kind: Status, apiVersion: v1, status: Failure, message: "Timeout: request did not complete within the allotted timeout", reason: Timeout, code: 504}
                  delayMs: 5000
                - path: /api/v1/nodes/node0/proxy/configz
                  status: 503
                  body: "the server is currently unable to handle the request"
                  delayMs: 400
                - path: /healthz
                  body: ok
                  delayMs: -5
                """);
        try (LabApiServer slow = LabApiServer.start(ScenarioLoader.load(dir))) {
            long start = System.nanoTime();
            HttpResponse<String> late = HTTP.send(HttpRequest.newBuilder(URI.create(slow.url() + "/api/v1/nodes/node0/proxy/configz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, late.statusCode());
            assertEquals("the server is currently unable to handle the request", late.body());
            assertTrue(System.nanoTime() - start >= 400_000_000L, "answered before its delay");
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(slow.url() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "a negative delay is none");

            ClusterAnswer none = Fabric8ClusterGateway.forUrl(slow.url(), Duration.ofSeconds(1))
                    .query(new ClusterRequest.Raw("/apis/metrics.k8s.io/v1beta1/nodes"));
            assertEquals(GatherStatus.TIMEOUT, none.status(), none.toString());
            assertEquals(0, none.httpCode());
        }
    }

    @Test
    void discoveryDocumentsDescribeTheResources() throws Exception {
        assertEquals("v1", getJson("/api", 200).path("versions").path(0).asText());
        JsonNode groups = getJson("/apis", 200);
        List<String> names = new ArrayList<>();
        groups.path("groups").forEach(g -> names.add(g.path("name").asText()));
        assertTrue(names.containsAll(List.of("apps", "events.k8s.io", "apiregistration.k8s.io", "rbac.authorization.k8s.io", "example.com")), names.toString());

        JsonNode core = getJson("/api/v1", 200);
        JsonNode pods = find(core, "pods");
        assertEquals("Pod", pods.path("kind").asText());
        assertTrue(pods.path("namespaced").asBoolean());
        assertEquals("po", pods.path("shortNames").path(0).asText());
        assertTrue(!find(core, "nodes").path("namespaced").asBoolean());
        JsonNode widgets = find(getJson("/apis/example.com/v1alpha1", 200), "widgets");
        assertEquals("Widget", widgets.path("kind").asText());
        assertEquals("1", getJson("/version", 200).path("major").asText());
        assertEquals(404, get("/apis/nothing.example/v1").statusCode());
        assertEquals(404, get("/api/v1/pods/web-1").statusCode(), "a namespaced object needs its namespace");
        assertEquals(404, get("/api/v1/namespaces/default/nodes").statusCode(), "nodes are cluster-scoped");
    }

    @Test
    void jsonResponsesHaveAJsonContentTypeAndMissingObjectsAStatus() throws Exception {
        HttpResponse<String> pod = get("/api/v1/namespaces/kube-system/pods/coredns-abc");
        assertEquals("application/json", pod.headers().firstValue("Content-Type").orElse(""));
        JsonNode body = JSON.readTree(pod.body());
        assertEquals("2025-12-09T06:40:00Z", body.at("/metadata/creationTimestamp").asText(), "served as given");

        JsonNode missing = getJson("/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.custom.metrics.k8s.io", 404);
        assertEquals("Status", missing.path("kind").asText());
        assertEquals("NotFound", missing.path("reason").asText());
        assertEquals("apiservices.apiregistration.k8s.io \"v1beta1.custom.metrics.k8s.io\" not found", missing.path("message").asText());
        assertNull(client.pods().inNamespace("default").withName("ghost").get());
        assertEquals("v1beta1.metrics.k8s.io", getJson("/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io", 200)
                .at("/metadata/name").asText());

        JsonNode list = getJson("/apis/networking.k8s.io/v1/namespaces/default/networkpolicies", 200);
        assertEquals("NetworkPolicyList", list.path("kind").asText());
        assertEquals("deny-all", list.at("/items/0/metadata/name").asText());
    }

    @Test
    void writesAreRefusedAndRequestsAreCounted() throws Exception {
        KubernetesClientException e = assertThrows(KubernetesClientException.class,
                () -> client.configMaps().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                        .withNewMetadata().withName("x").endMetadata().build()).create());
        assertEquals(405, e.getCode());

        int before = lab.requestCount();
        get("/api/v1/namespaces/default/pods?labelSelector=app%3Dweb");
        assertEquals(before + 1, lab.requestCount());
        assertTrue(lab.requests().contains("GET /api/v1/namespaces/default/pods?labelSelector=app%3Dweb"), lab.requests().toString());
    }

    @Test
    void accessReviewsAreAllowedAndNotStored() {
        var review = client.authorization().v1().selfSubjectAccessReview().create(
                new io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder()
                        .withNewSpec().withNewResourceAttributes().withVerb("list").withResource("events")
                        .withNamespace("kube-system").endResourceAttributes().endSpec().build());
        assertTrue(review.getStatus().getAllowed());
        assertEquals("events", review.getSpec().getResourceAttributes().getResource());
    }

    @Test
    void badSelectorsAreBadRequests() throws Exception {
        assertEquals(400, get("/api/v1/pods?labelSelector=" + enc("tier in (a")).statusCode());
        assertEquals(400, get("/api/v1/pods?fieldSelector=" + enc("spec.nodeName")).statusCode());
        assertEquals(400, get("/api/v1/pods?limit=2&continue=bogus").statusCode());
    }

    @Test
    void tablesAreServedWhenAsked() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(lab.url() + "/api/v1/namespaces/kube-system/pods"))
                .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode table = JSON.readTree(r.body());
        assertEquals("Table", table.path("kind").asText());
        assertEquals("Ready", table.at("/columnDefinitions/1/name").asText());
        assertEquals("coredns-abc", table.at("/rows/0/cells/0").asText());
        assertEquals("0/1", table.at("/rows/0/cells/1").asText());
        assertEquals("kube-system", table.at("/rows/0/object/metadata/namespace").asText());
        assertEquals("PodList", getJson("/api/v1/namespaces/kube-system/pods", 200).path("kind").asText(), "no Accept, no table");
    }

    @Test
    void anHttpWatchStaysOpenWithoutEventsUntilItsTimeout() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = get("/api/v1/namespaces/default/pods?watch=true&timeoutSeconds=1");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, r.statusCode());
        assertEquals("", r.body().strip());
        assertTrue(ms >= 900 && ms < 5000, "held open for the timeout: " + ms + " ms");
    }

    @Test
    void agesReadLikeKubectls() {
        assertEquals("59s", dev.ktriage.json.KubectlColumns.humanDuration(java.time.Duration.ofSeconds(59)));
        assertEquals("5m30s", dev.ktriage.json.KubectlColumns.humanDuration(java.time.Duration.ofSeconds(330)));
        assertEquals("3h5m", dev.ktriage.json.KubectlColumns.humanDuration(java.time.Duration.ofMinutes(185)));
        assertEquals("2d3h", dev.ktriage.json.KubectlColumns.humanDuration(java.time.Duration.ofHours(51)));
        assertEquals("351d", dev.ktriage.json.KubectlColumns.humanDuration(java.time.Duration.ofDays(351)));
        assertEquals("<unknown>", dev.ktriage.json.KubectlColumns.age(null, java.time.Instant.now()));
    }

    private static JsonNode find(JsonNode resourceList, String name) {
        for (JsonNode r : resourceList.path("resources")) if (r.path("name").asText().equals(name)) return r;
        throw new AssertionError("no resource " + name + " in " + resourceList);
    }

    private static List<String> names(List<? extends HasMetadata> items) {
        return items.stream().map(i -> i.getMetadata().getName()).toList();
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("items").forEach(i -> out.add(i.at("/metadata/name").asText()));
        return out;
    }

    private static JsonNode list(String path, String param, String value) throws Exception {
        return getJson(path + "?" + param + "=" + enc(value), 200);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode getJson(String path, int expectedStatus) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(expectedStatus, r.statusCode(), path + " -> " + r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""), path);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(lab.url() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
