package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.playbook.ExtractorRegistry;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.lab.Lab;
import dev.ktriage.lab.scenario.ScenarioLoader;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.PlaybookSources;
import dev.ktriage.ui.batch.BatchOperator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `--node-access debug-pod`: the nodes' commands run in debug pods the lab's API server accepts
 * and answers from the same node answers as over SSH. The same walk and diagnosis; every pod made
 * is deleted when the session ends, however it ends, and the transcript says so.
 */
class NodeAccessDebugPodTest {

    static final String SEED = NodeAccessApiTest.SEED;
    static final String POD = "pod=kube-system/coredns-749558f7dd-w6jdj";

    @TempDir
    Path tmp;

    private static List<String> walk(JsonNode j) {
        List<String> out = new ArrayList<>();
        j.get("steps").forEach(s -> out.add(s.get("id").asText() + "=" + s.path("finding").asText()));
        return out;
    }

    private static List<String> ids(JsonNode j) {
        return j.get("diagnoses").findValues("id").stream().map(JsonNode::asText).toList();
    }

    /** The transcript's debug-pod lines as "action" or "action pod". */
    static List<String> podLines(Path transcript) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(transcript)) {
            JsonNode l = json.readTree(line);
            if (l.path("type").asText().equals("debug-pod")) out.add(l.path("action").asText());
        }
        return out;
    }

    @Test
    void theSeedGetsTheSameDiagnosisThroughDebugPodsAndNoPodIsLeft() throws IOException {
        Cli ssh = Cli.run("run", "failing-probes", "--lab", SEED, "--set", POD, "-o", "json");
        Path t = tmp.resolve("pods.jsonl");
        Cli pods = Cli.run("run", "failing-probes", "--lab", SEED, "--set", POD, "--node-access", "debug-pod", "-o", "json",
                "--transcript", t.toString());
        assertEquals(0, pods.exit(), pods.toString());
        assertEquals(walk(ssh.json()), walk(pods.json()), "the same walk through debug pods as over SSH");
        assertEquals(ids(ssh.json()), ids(pods.json()));
        String route = pods.json().get("steps").findValues("command").stream().map(JsonNode::asText)
                .filter(c -> c.contains("ip route get")).findFirst().orElseThrow();
        assertTrue(route.matches("kubectl exec -n default node-debugger-node0-[a-z0-9]{5} -c debugger -- chroot /host timeout \\d+ env LC_ALL=C ip route get 10\\.0\\.0\\.113"),
                route);
        assertEquals(List.of("consented", "created", "deleted"), podLines(t));
        List<String> lines = Files.readAllLines(t);
        assertTrue(lines.get(lines.size() - 1).contains("\"type\":\"end\""), "the pods are deleted before the end record: " + lines.get(lines.size() - 1));
        Cli replay = Cli.run("replay", t.toString());
        assertEquals(0, replay.exit(), replay.toString());
    }

    @Test
    void onALiveClusterThePodsAreGoneWhenTheRunEnds() throws IOException {
        try (Lab lab = Lab.start(ScenarioLoader.load(Path.of(SEED)), tmp.resolve("lab"))) {
            Path t = tmp.resolve("live.jsonl");
            Cli r = Cli.run("run", "failing-probes", "--kubeconfig", lab.kubeconfig().toString(), "--context", "ktriage-lab", "--set", POD,
                    "--node-access", "debug-pod", "--debug-pod-namespace", "kube-system", "-o", "json", "--transcript", t.toString());
            assertEquals(0, r.exit(), r.toString());
            Cli ssh = Cli.run("run", "failing-probes", "--lab", SEED, "--set", POD, "-o", "json");
            assertEquals(ids(ssh.json()), ids(r.json()), r.toString());
            assertEquals(List.of(), lab.debugPods());
            assertEquals(List.of("consented", "created", "deleted"), podLines(t));
            assertTrue(Files.readString(t).contains("\"pod\":\"kube-system/node-debugger-node0-"), "the pod is named with its namespace");
        }
    }

    @Test
    void aSessionThatFailsStillDeletesItsPods() throws IOException {
        ConnectionOptions c = new ConnectionOptions();
        c.nodeAccess = "debug-pod";
        PlaybookCatalog catalog = PlaybookCatalog.load(PlaybookSources.builtIn(), ExtractorRegistry.fromClassLoader(getClass().getClassLoader()));
        Path t = tmp.resolve("failed.jsonl");
        try (Target target = Target.lab(ScenarioLoader.load(Path.of(SEED)), Duration.ofSeconds(10), c)) {
            List<String> seenWhileRunning = new ArrayList<>();
            SessionListener breaks = new SessionListener() {
                @Override
                public void nodeExchange(String stepId, NodeCommand command, NodeAnswer answer) {
                    seenWhileRunning.addAll(target.lab().debugPods());
                    throw new IllegalStateException("a listener failed");
                }
            };
            SessionRunner runner = new SessionRunner(catalog, target, null, p -> t);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> runner.run("failing-probes", Map.of("pod", "kube-system/coredns-749558f7dd-w6jdj"), new BatchOperator(Map.of()), breaks));
            assertEquals("a listener failed", e.getMessage());
            assertEquals(1, seenWhileRunning.size(), "the pod existed while the step ran: " + seenWhileRunning);
            assertEquals(List.of(), target.lab().debugPods(), "deleted although the session failed");
        }
        assertEquals(List.of("consented", "created", "deleted"), podLines(t));
    }

    /** Nodes that are debug-pod by config: the operator is asked once per session, and a no creates nothing. */
    @Test
    void theOperatorIsAskedOnceAndANoCreatesNothing() throws IOException {
        PlaybookCatalog catalog = PlaybookCatalog.load(PlaybookSources.builtIn(), ExtractorRegistry.fromClassLoader(getClass().getClassLoader()));
        for (String answer : List.of("yes", "no")) {
            Path t = tmp.resolve(answer + ".jsonl");
            List<String> asked = new ArrayList<>();
            BatchOperator batch = new BatchOperator(Map.of());
            dev.ktriage.engine.Operator operator = new dev.ktriage.engine.Operator() {
                @Override
                public String provideInput(dev.ktriage.playbook.Input input, List<String> candidates) {
                    return batch.provideInput(input, candidates);
                }

                @Override
                public String answer(String id, String text, List<String> choices) {
                    assertEquals("debug-pod", id);
                    assertEquals(List.of("yes", "no"), choices);
                    asked.add(text);
                    return answer;
                }
            };
            Lab lab = Lab.start(ScenarioLoader.load(Path.of(SEED)));
            var cluster = lab.clusterGateway(Duration.ofSeconds(10));
            var nodes = new dev.ktriage.gateway.debugpod.DebugPodNodeGateway(cluster.kubernetesClient(),
                    dev.ktriage.gateway.debugpod.DebugPodSettings.defaults("default"), dev.ktriage.gateway.debugpod.DebugPodNodeGateway.Consent.ASK);
            try (Target target = new Target(cluster, nodes, lab)) {
                var done = new SessionRunner(catalog, target, null, p -> t).run("failing-probes",
                        Map.of("pod", "kube-system/coredns-749558f7dd-w6jdj"), operator, null);
                assertEquals(1, asked.size(), "asked once a session: " + asked);
                assertTrue(asked.get(0).startsWith("Node node0 is reached through a debug pod: ktriage creates a privileged pod (image busybox:1.36,"
                        + " host namespaces, the node's / at /host) in namespace default"), asked.get(0));
                assertEquals(List.of(), lab.debugPods());
                if (answer.equals("yes")) {
                    assertEquals("diagnosed", done.result().outcome().wireName());
                    assertEquals(List.of("consented", "created", "deleted"), podLines(t));
                } else {
                    assertEquals(List.of("refused"), podLines(t));
                    assertTrue(Files.readString(t).contains("reaching it needs a debug pod, and the operator declined"), Files.readString(t));
                }
            }
        }
    }

    /** The preflight names the pod rights each node step needs, before anything is created. */
    @Test
    void thePreflightListsThePodRightsOfEveryNodeStep() {
        PlaybookCatalog catalog = PlaybookCatalog.load(PlaybookSources.builtIn(), ExtractorRegistry.fromClassLoader(getClass().getClassLoader()));
        var nodes = new dev.ktriage.gateway.debugpod.DebugPodNodeGateway(null,
                dev.ktriage.gateway.debugpod.DebugPodSettings.defaults("ktriage-debug"), dev.ktriage.gateway.debugpod.DebugPodNodeGateway.Consent.GIVEN);
        List<dev.ktriage.engine.AccessPreflight.Gap> gaps = dev.ktriage.engine.AccessPreflight.check(catalog, "failing-probes",
                Map.of("pod", "kube-system/coredns-749558f7dd-w6jdj"), "default",
                check -> new dev.ktriage.gateway.AccessVerdict(check, !(check.verb().equals("create") && "pods".equals(check.resource())), "no RBAC rule"),
                nodes.accessNeeds());
        List<String> says = gaps.stream().map(dev.ktriage.engine.AccessPreflight.Gap::says).toList();
        assertTrue(says.contains("step 'failing-probes/node-route' will be inconclusive: not allowed to create pods in ktriage-debug"
                + " (no RBAC rule); ask for it, or check with: kubectl auth can-i create pods -n ktriage-debug"), says.toString());
        assertTrue(says.stream().anyMatch(l -> l.startsWith("step 'failing-probes/node-route' will be inconclusive: not allowed to create pods/exec")), says.toString());
        assertTrue(says.stream().noneMatch(l -> l.startsWith("step 'failing-probes/pod-spec'")), "a cluster step needs no pod rights: " + says);
        // as the operator reads them: one line per missing right, not one per step
        long steps = says.stream().filter(l -> l.contains("not allowed to create pods in")).count();
        assertTrue(steps > 3, says.toString());
        assertEquals(List.of(steps + " steps ('failing-probes/node-route', 'failing-probes/kernel-log', 'failing-probes/node-request' and "
                        + (steps - 3) + " more) will be inconclusive: not allowed to create pods in ktriage-debug (no RBAC rule); ask for it,"
                        + " or check with: kubectl auth can-i create pods -n ktriage-debug",
                steps + " steps ('failing-probes/node-route', 'failing-probes/kernel-log', 'failing-probes/node-request' and "
                        + (steps - 3) + " more) will be inconclusive: not allowed to create pods/exec in ktriage-debug (no RBAC rule); ask for it,"
                        + " or check with: kubectl auth can-i create pods/exec -n ktriage-debug"),
                dev.ktriage.engine.AccessPreflight.lines(gaps));
    }

    /** A role made for kubectl exec over SPDY grants create on pods/exec only; a websocket exec is a GET, authorized as get. */
    @Test
    void thePreflightAsksForGetOnPodsExecToo() {
        PlaybookCatalog catalog = PlaybookCatalog.load(PlaybookSources.builtIn(), ExtractorRegistry.fromClassLoader(getClass().getClassLoader()));
        var nodes = new dev.ktriage.gateway.debugpod.DebugPodNodeGateway(null,
                dev.ktriage.gateway.debugpod.DebugPodSettings.defaults("ops"), dev.ktriage.gateway.debugpod.DebugPodNodeGateway.Consent.GIVEN);
        List<String> lines = dev.ktriage.engine.AccessPreflight.lines(dev.ktriage.engine.AccessPreflight.check(catalog, "failing-probes",
                Map.of("pod", "kube-system/coredns-749558f7dd-w6jdj"), "default",
                check -> new dev.ktriage.gateway.AccessVerdict(check, !(check.verb().equals("get") && "exec".equals(check.subresource())), ""),
                nodes.accessNeeds()));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith(" will be inconclusive: not allowed to get pods/exec in ops; ask for it, or check with: kubectl auth can-i get pods/exec -n ops"),
                lines.get(0));
    }

    /** verify re-reads the node facts through debug pods too, and its own transcript says what it created and deleted. */
    @Test
    void verifyReReadsThroughDebugPodsAndItsTranscriptSaysSo() throws IOException {
        Path t = tmp.resolve("first.jsonl");
        assertEquals(0, Cli.run("run", "failing-probes", "--lab", SEED, "--set", POD, "--node-access", "debug-pod", "--transcript", t.toString()).exit());
        Path v = tmp.resolve("verify.jsonl");
        Cli verify = Cli.run("verify", t.toString(), "--lab", SEED, "--node-access", "debug-pod", "--transcript", v.toString());
        assertEquals(5, verify.exit(), verify.toString());
        assertTrue(verify.out().contains("from: kubectl exec -n default node-debugger-node0-"), verify.out());
        assertEquals(List.of("consented", "created", "deleted"), podLines(v));
        List<String> lines = Files.readAllLines(v);
        assertTrue(lines.get(lines.size() - 1).contains("\"type\":\"verify-end\""), "the pods are deleted before the end record");
        Cli replay = Cli.run("replay", v.toString());
        assertEquals(0, replay.exit(), replay.toString());
    }

    @Test
    void aReadOnlySessionRefusesDebugPodsInOneLine() {
        Cli r = Cli.run("run", "failing-probes", "--lab", SEED, "--node-access", "debug-pod", "--read-only", "--set", POD);
        assertEquals(1, r.exit(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--node-access debug-pod creates pods on the nodes, and this session is read-only (--read-only)"), r.err());
    }
}
