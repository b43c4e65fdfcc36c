package dev.ktriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.cluster.Fabric8ClusterGateway;
import dev.ktriage.lab.Lab;
import dev.ktriage.lab.scenario.ScenarioLoader;
import dev.ktriage.playbook.Input;
import dev.ktriage.ui.ClusterChoices.Choices;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the cluster offers for an input, read from the seed lab; a cluster that does not answer offers nothing in time. */
class ClusterChoicesTest {

    private static final Input POD = new Input("pod", Input.Kind.POD, "the pod", true, null);
    private static final Input NODE = new Input("node", Input.Kind.NODE, "the node", true, null);
    private static final Input NAMESPACE = new Input("namespace", Input.Kind.TEXT, "a namespace", true, null);
    private static final Input KEY = new Input("key", Input.Kind.TEXT, "a sysctl", true, null);

    @TempDir
    Path tmp;

    /** A cluster with more pods than one list brings: a namespace's pods are asked for, not filtered from a cut list. */
    @Test
    void aCutAllNamespacesListIsNotFilteredForANamespace() {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        ClusterGateway big = new ClusterGateway() {
            @Override
            public dev.ktriage.gateway.ClusterAnswer query(dev.ktriage.gateway.ClusterRequest request) {
                var list = (dev.ktriage.gateway.ClusterRequest.ListObjects) request;
                asked.add(list.key());
                var items = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
                int n = list.namespace() == null ? ClusterChoices.LIMIT : 3;
                for (int i = 0; i < n; i++) {
                    String ns = list.namespace() == null ? "ns" + (i % 7) : list.namespace();
                    items.addObject().putObject("metadata").put("name", "pod-" + i).put("namespace", ns);
                }
                var body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                body.set("items", items);
                return dev.ktriage.gateway.ClusterAnswer.json(200, body, 1);
            }

            @Override
            public String describe() {
                return "big";
            }

            @Override
            public void close() {
            }
        };
        ClusterChoices choices = new ClusterChoices(big);
        assertEquals(ClusterChoices.LIMIT, choices.forInput(POD, "").values().size(), "the first page of all pods");
        Choices kubeSystem = choices.forInput(POD, "kube-system/");
        assertEquals(List.of("kube-system/pod-0", "kube-system/pod-1", "kube-system/pod-2"), kubeSystem.values(),
                "read from the namespace itself, which the cut list did not hold");
        assertEquals(2, asked.size(), "one list of all pods, one of kube-system: " + asked);
    }

    @Test
    void eachInputGetsItsListFromTheLab() {
        try (Lab lab = Lab.start(ScenarioLoader.load(SeedLab.scenario()), tmp); ClusterGateway cluster = lab.clusterGateway(Duration.ofSeconds(10))) {
            ClusterChoices choices = new ClusterChoices(cluster);
            assertEquals(List.of("node0"), choices.forInput(NODE, "").values());
            assertTrue(choices.forInput(NAMESPACE, "").values().contains("kube-system"));
            Choices pods = choices.forInput(POD, "");
            assertNull(pods.note());
            assertEquals(List.of("kube-system/coredns-749558f7dd-w6jdj", "kube-system/coredns-749558f7dd-xppfp"), pods.values());
            Choices inKubeSystem = choices.forInput(POD, "kube-system/cor");
            assertEquals("pods in kube-system", inKubeSystem.about());
            assertEquals(pods.values(), inKubeSystem.values());
            assertEquals(List.of(), choices.forInput(POD, "shop/").values());
            assertEquals(List.of(), choices.forInput(KEY, "").values(), "a text input that names no object takes no list");
            assertEquals(List.of("coredns-749558f7dd-w6jdj", "coredns-749558f7dd-xppfp"), choices.names("pods", "kube-system").values(),
                    "bare names, as a REPL completes them");
        }
    }

    @Test
    void whichReadAnInputNeeds() {
        assertEquals("pods", ClusterChoices.keyFor(POD, "cored"));
        assertEquals("pods@kube-system", ClusterChoices.keyFor(POD, "kube-system/cor"));
        assertEquals("nodes", ClusterChoices.keyFor(NODE, "n"));
        assertEquals("namespaces", ClusterChoices.keyFor(NAMESPACE, ""));
        assertNull(ClusterChoices.keyFor(KEY, ""));
    }

    @Test
    void typingFiltersAnyCaseThoseThatStartWithItFirst() {
        Choices c = new Choices("pods", List.of("a/web-1", "b/api", "web/x"), null);
        assertEquals(List.of("web/x", "a/web-1"), c.matching("WEB"));
        assertEquals(c.values(), c.matching(""));
        assertEquals(List.of(), c.matching("b/api"), "nothing left to pick once the value is one of them");
    }

    @Test
    void aClusterThatDoesNotAnswerOffersNothingWithinTheWait() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"kind\":\"NodeList\",\"apiVersion\":\"v1\",\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        ExecutorService background = Executors.newCachedThreadPool();
        try (ClusterGateway slow = Fabric8ClusterGateway.forUrl("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(10))) {
            long start = System.nanoTime();
            Choices c = new ClusterChoices(slow).forInput(NODE, "", background, Duration.ofMillis(300)).get(5, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(List.of(), c.values());
            assertEquals("no answer from the cluster within 0.3s", c.note());
            assertTrue(ms < 2_000, "waited " + ms + " ms");
        } finally {
            background.shutdownNow();
            server.stop(0);
        }
    }
}
