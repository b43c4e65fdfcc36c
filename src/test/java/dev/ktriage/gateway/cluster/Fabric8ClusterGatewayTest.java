package dev.ktriage.gateway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.lab.LabFixtures;
import dev.ktriage.lab.api.LabApiServer;
import dev.ktriage.lab.scenario.ScenarioLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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

class Fabric8ClusterGatewayTest {

    private static LabApiServer lab;
    private static Fabric8ClusterGateway gateway;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        lab = LabApiServer.start(ScenarioLoader.load(LabFixtures.dir("basic")));
        gateway = Fabric8ClusterGateway.forUrl(lab.url(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        lab.close();
    }

    @Test
    void getReturnsTheObjectOrA404WithoutBody() {
        ClusterAnswer pod = gateway.query(new ClusterRequest.Get("pods", "kube-system", "coredns-abc"));
        assertEquals(GatherStatus.OK, pod.status());
        assertEquals(200, pod.httpCode());
        assertEquals("node0", pod.body().at("/spec/nodeName").asText());
        assertEquals("False", gateway.query(new ClusterRequest.Get("apiservices", null, "v1beta1.metrics.k8s.io"))
                .body().at("/status/conditions/0/status").asText());

        ClusterAnswer missing = gateway.query(new ClusterRequest.Get("apiservices", null, "v1beta1.custom.metrics.k8s.io"));
        assertEquals(GatherStatus.OK, missing.status());
        assertEquals(404, missing.httpCode());
        assertNull(missing.body());
        assertTrue(missing.millis() >= 0);
    }

    @Test
    void listSendsSelectorsAndLimitToTheServer() {
        lab.resetRequests();
        ClusterAnswer events = gateway.query(new ClusterRequest.ListObjects("events", "kube-system", null,
                "involvedObject.name=coredns-abc,reason=Unhealthy", null));
        assertEquals(GatherStatus.OK, events.status());
        assertEquals(1, events.body().path("items").size());
        assertEquals("EventList", events.body().path("kind").asText(), "the List document as the server sent it");
        assertEquals("Readiness probe failed: HTTP probe failed with statuscode: 503", events.body().at("/items/0/message").asText());
        assertEquals(List.of("GET /api/v1/namespaces/kube-system/events?fieldSelector=involvedObject.name%3Dcoredns-abc%2Creason%3DUnhealthy"),
                lab.requests(), "the selector is applied by the server, never list-all-then-filter");

        ClusterAnswer pods = gateway.query(new ClusterRequest.ListObjects("pods", null, "tier in (frontend,backend)", null, 1));
        assertEquals(1, pods.body().path("items").size());
        assertFalse(pods.body().at("/metadata/continue").asText().isEmpty(), "a limited list says how to go on");
        assertEquals(1, pods.body().at("/metadata/remainingItemCount").asInt());

        ClusterAnswer sysctl = gateway.query(new ClusterRequest.ListObjects("events.events.k8s.io", "default", null, "reason=SysctlForbidden", null));
        assertEquals("sysctl.1", sysctl.body().at("/items/0/metadata/name").asText());
        assertEquals(1, gateway.query(new ClusterRequest.ListObjects("nodes", null, "kubernetes.io/hostname=node1", null, null))
                .body().path("items").size());
    }

    @Test
    void logsComeBackAsText() {
        ClusterAnswer tail = gateway.query(new ClusterRequest.Logs("kube-system", "coredns-abc", "coredns", false, 1));
        assertEquals(GatherStatus.OK, tail.status());
        assertEquals("[ERROR] plugin/errors: 2 nxdomain\n", tail.text());
        assertEquals("panic: crashed\n", gateway.query(new ClusterRequest.Logs("kube-system", "coredns-abc", null, true, 1)).text());

        ClusterAnswer noPrevious = gateway.query(new ClusterRequest.Logs("default", "web-1", "app", true, null));
        assertEquals(GatherStatus.OK, noPrevious.status(), "no previous container is an answer, not a failure");
        assertEquals(400, noPrevious.httpCode());
        assertEquals("previous terminated container \"app\" in pod \"web-1\" not found", noPrevious.reason());
    }

    @Test
    void rawKeepsStatusAndParsesJson() {
        ClusterAnswer configz = gateway.query(new ClusterRequest.Raw("/api/v1/nodes/node0/proxy/configz"));
        assertEquals(200, configz.httpCode());
        assertEquals("net.core.somaxconn", configz.body().at("/kubeletconfig/allowedUnsafeSysctls/0").asText());

        ClusterAnswer metrics = gateway.query(new ClusterRequest.Raw("/apis/metrics.k8s.io/v1beta1/nodes"));
        assertEquals(GatherStatus.OK, metrics.status());
        assertEquals(503, metrics.httpCode());
        assertEquals("service unavailable", metrics.text());

        ClusterAnswer unknown = gateway.query(new ClusterRequest.Raw("/no/such/path"));
        assertEquals(404, unknown.httpCode());
        assertEquals("Status", unknown.body().path("kind").asText());
    }

    @Test
    void forbiddenNamesVerbResourceAndNamespace() throws IOException {
        HttpServer server = tinyServer(403, 0);
        try (Fabric8ClusterGateway denied = Fabric8ClusterGateway.forUrl(url(server), Duration.ofSeconds(5))) {
            ClusterAnswer list = denied.query(new ClusterRequest.ListObjects("events", "kube-system", null, null, null));
            assertEquals(GatherStatus.FORBIDDEN, list.status());
            assertEquals("forbidden: cannot list events in namespace kube-system", list.reason());
            assertEquals("forbidden: cannot get nodes at cluster scope",
                    denied.query(new ClusterRequest.Get("nodes", null, "node0")).reason());
            assertEquals("forbidden: cannot get pods/log in namespace default",
                    denied.query(new ClusterRequest.Logs("default", "web-1", "app", false, null)).reason());
            assertEquals(GatherStatus.OK, denied.query(new ClusterRequest.Raw("/metrics")).status(), "a raw path's 403 is its answer");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void slowServerIsATimeoutAndAClosedPortIsUnreachable() throws IOException {
        HttpServer slow = tinyServer(200, 3000);
        try (Fabric8ClusterGateway g = Fabric8ClusterGateway.forUrl(url(slow), Duration.ofMillis(300))) {
            List<ClusterAnswer> answers = new ArrayList<>();
            answers.add(g.query(new ClusterRequest.Get("pods", "default", "x")));
            answers.add(g.query(new ClusterRequest.ListObjects("pods", "default", null, null, null)));
            answers.add(g.query(new ClusterRequest.Raw("/livez")));
            for (ClusterAnswer a : answers) {
                assertEquals(GatherStatus.TIMEOUT, a.status(), a.reason());
                assertTrue(a.millis() < 2500, "bounded by the timeout: " + a.millis());
            }
        } finally {
            slow.stop(0);
        }

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (Fabric8ClusterGateway g = Fabric8ClusterGateway.forUrl("http://127.0.0.1:" + closedPort, Duration.ofSeconds(5))) {
            long start = System.nanoTime();
            ClusterAnswer a = g.query(new ClusterRequest.ListObjects("pods", null, null, null, null));
            assertEquals(GatherStatus.UNREACHABLE, a.status(), a.reason());
            assertFalse(a.reason().contains("\n"));
            assertEquals(GatherStatus.UNREACHABLE, g.query(new ClusterRequest.Logs("default", "p", null, false, null)).status());
            assertTrue(System.nanoTime() - start < 3_000_000_000L, "fails fast, no retry loop");
        }
    }

    @Test
    void listOfATypeTheServerDoesNotServeIsA404Answer() {
        ClusterAnswer a = gateway.query(new ClusterRequest.ListObjects("ciliumnetworkpolicies", "default", null, null, null));
        assertEquals(GatherStatus.OK, a.status(), a.reason());
        assertEquals(404, a.httpCode());
    }

    @Test
    void unknownHostIsUnreachable() {
        try (Fabric8ClusterGateway g = Fabric8ClusterGateway.forUrl("http://api.ktriage-test.invalid:6443", Duration.ofSeconds(5))) {
            ClusterAnswer list = g.query(new ClusterRequest.ListObjects("pods", null, null, null, null));
            assertEquals(GatherStatus.UNREACHABLE, list.status(), list.reason());
            ClusterAnswer raw = g.query(new ClusterRequest.Raw("/livez"));
            assertEquals(GatherStatus.UNREACHABLE, raw.status(), raw.reason());
        }
    }

    @Test
    void typesOutsideTheTableAreFoundThroughDiscovery() {
        ClusterAnswer widgets = gateway.query(new ClusterRequest.ListObjects("widgets", null, null, null, null));
        assertEquals(GatherStatus.OK, widgets.status(), widgets.reason());
        assertEquals("gadget", widgets.body().at("/items/0/metadata/name").asText());
        assertEquals(200, gateway.query(new ClusterRequest.Get("widgets.example.com", "default", "gadget")).httpCode());
    }

    @Test
    void unknownResourceIsAnErrorNotAnException() {
        ClusterAnswer a = gateway.query(new ClusterRequest.ListObjects("gizmos", null, null, null, null));
        assertEquals(GatherStatus.ERROR, a.status());
        assertEquals("error: unknown resource type 'gizmos'", a.reason());
    }

    @Test
    void connectUsesTheKubeconfigContextAndNamespace() {
        Path kubeconfig = tmp.resolve("config");
        lab.writeKubeconfig(kubeconfig);
        try (Fabric8ClusterGateway g = Fabric8ClusterGateway.connect(kubeconfig, null, null, Duration.ofSeconds(5))) {
            assertEquals("ktriage-lab/default", g.describe());
            assertEquals(200, g.query(new ClusterRequest.Get("pods", null, "web-1")).httpCode(), "the context's namespace is the default");
        }
        try (Fabric8ClusterGateway g = Fabric8ClusterGateway.connect(kubeconfig, "ktriage-lab", "kube-system", Duration.ofSeconds(5))) {
            assertEquals("ktriage-lab/kube-system", g.describe());
            assertEquals("kube-system", g.namespace(), "inputs without a namespace are read where -n says");
            assertEquals(200, g.query(new ClusterRequest.Get("pods", null, "coredns-abc")).httpCode());
        }
        assertEquals("lab/default", gateway.describe());
    }

    @Test
    void badKubeconfigsAreOneLineConfigErrors() throws IOException {
        ClusterConfigException missing = assertThrows(ClusterConfigException.class,
                () -> Fabric8ClusterGateway.connect(tmp.resolve("none"), null, null, Duration.ofSeconds(1)));
        assertEquals("kubeconfig not found: " + tmp.resolve("none") + " (--kubeconfig)", missing.getMessage());

        Path kubeconfig = tmp.resolve("config");
        lab.writeKubeconfig(kubeconfig);
        ClusterConfigException context = assertThrows(ClusterConfigException.class,
                () -> Fabric8ClusterGateway.connect(kubeconfig, "prod", null, Duration.ofSeconds(1)));
        assertEquals("context 'prod' not found in " + kubeconfig + " (available: ktriage-lab)", context.getMessage());

        Path garbage = tmp.resolve("garbage");
        Files.writeString(garbage, "clusters: [this is: not: valid");
        ClusterConfigException invalid = assertThrows(ClusterConfigException.class,
                () -> Fabric8ClusterGateway.connect(garbage, null, null, Duration.ofSeconds(1)));
        assertTrue(invalid.getMessage().startsWith("kubeconfig " + garbage + " is not valid"), invalid.getMessage());
        assertFalse(invalid.getMessage().contains("\n"), invalid.getMessage());
    }

    /** A stand-in API server that answers every request with one status, after a delay. */
    private static HttpServer tinyServer(int status, long delayMs) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":" + status
                    + ",\"message\":\"denied\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException ignored) {
                // The client gave up (timeout test); nothing to answer.
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
