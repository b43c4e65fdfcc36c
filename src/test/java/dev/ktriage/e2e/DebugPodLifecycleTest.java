package dev.ktriage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktriage.lab.Lab;
import dev.ktriage.lab.LabFixtures;
import dev.ktriage.lab.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher against a lab run by the test, as against a live cluster, with the nodes
 * reached through debug pods: the pods are deleted when a run is stopped with Ctrl-C; a run killed
 * with -9 leaves its pod, which the next run sweeps and {@code ktriage cleanup} removes; the
 * config's per-node debug-pod access is asked for, refused in a batch run unless agreed to
 * beforehand, and refused for a context the config marks read-only.
 */
class DebugPodLifecycleTest {

    private static final String POD = "pod=kube-system/coredns-749558f7dd-w6jdj";

    @TempDir
    Path tmp;

    @BeforeAll
    static void theJar() throws Exception {
        Launcher.ensureJar();
    }

    record Ran(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private int started;

    private Process start(Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Launcher.ROOT.resolve("ktriage").toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command);
        int n = started++;
        b.redirectOutput(tmp.resolve("out" + n).toFile()).redirectError(tmp.resolve("err" + n).toFile());
        // the ktriage config is read from the user's home: each test has its own
        if (home != null) b.environment().put("KTRIAGE_JAVA_OPTS", "-Duser.home=" + home);
        return b.start();
    }

    private Ran run(Path home, String... args) throws Exception {
        int n = started;
        Process p = start(home, args);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ktriage " + String.join(" ", args) + " did not end");
        return new Ran(p.exitValue(), Files.readString(tmp.resolve("out" + n)), Files.readString(tmp.resolve("err" + n)));
    }

    private static String[] cleanup(Lab lab, String... more) {
        List<String> args = new ArrayList<>(List.of("cleanup"));
        args.addAll(List.of(more));
        args.addAll(live(lab));
        return args.toArray(String[]::new);
    }

    private static List<String> live(Lab lab, String... more) {
        List<String> args = new ArrayList<>(List.of("--kubeconfig", lab.kubeconfig().toString(), "--context", "ktriage-lab"));
        args.addAll(List.of(more));
        return args;
    }

    private static String[] runArgs(Lab lab, Path transcript, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "failing-probes", "--set", POD, "--output", "json", "--transcript", transcript.toString()));
        args.addAll(live(lab, more));
        return args.toArray(String[]::new);
    }

    private static void await(String what, BooleanSupplier done, Process p, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            assertTrue(p == null || p.isAlive(), "ended before " + what);
            assertTrue(System.nanoTime() < deadline, what + " did not happen within " + seconds + " s");
            Thread.sleep(50);
        }
    }

    private static boolean slowStepStarted(Path transcript) {
        try {
            return Files.exists(transcript) && Files.readString(transcript).lines()
                    .anyMatch(l -> l.contains("\"type\":\"step-start\"") && l.contains("\"step\":\"" + LabFixtures.SLOW_STEP + "\""));
        } catch (IOException e) {
            return false;
        }
    }

    /** The transcript's debug-pod lines, each as its fields. */
    private static List<Map<String, String>> podLines(Path transcript) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : Files.readAllLines(transcript)) {
            JsonNode l = json.readTree(line);
            if (!l.path("type").asText().equals("debug-pod")) continue;
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            l.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
            out.add(fields);
        }
        return out;
    }

    private static List<String> actions(Path transcript) throws IOException {
        return podLines(transcript).stream().map(f -> f.get("action")).toList();
    }

    private static void kill(String signal, Process p) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", signal, String.valueOf(p.pid())).start().waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running after kill " + signal);
    }

    @Test
    void ctrlCDeletesThePodsBeforeTheProcessEnds() throws Exception {
        try (Lab lab = Lab.start(ScenarioLoader.load(LabFixtures.slowSeed(tmp.resolve("slow"))), tmp.resolve("lab"))) {
            Path t = tmp.resolve("interrupted.jsonl");
            Process p = start(null, runArgs(lab, t, "--node-access", "debug-pod"));
            await("the slow step with its pod", () -> slowStepStarted(t) && lab.debugPods().size() == 1, p, 120);
            Thread.sleep(300); // inside the exec
            kill("-INT", p);
            assertEquals(130, p.exitValue());
            assertEquals(List.of(), lab.debugPods(), "deleted on Ctrl-C");
            assertEquals(List.of("consented", "created", "deleted"), actions(t));
            List<String> lines = Files.readAllLines(t);
            assertTrue(lines.get(lines.size() - 1).contains("\"outcome\":\"interrupted\""), lines.get(lines.size() - 1));
        }
    }

    @Test
    void aPodLeftByKillMinus9IsSweptByTheNextRunAndByCleanup() throws Exception {
        try (Lab lab = Lab.start(ScenarioLoader.load(LabFixtures.slowSeed(tmp.resolve("slow"))), tmp.resolve("lab"))) {
            Path first = tmp.resolve("first.jsonl");
            Process p1 = start(null, runArgs(lab, first, "--node-access", "debug-pod"));
            await("the first run's pod", () -> slowStepStarted(first) && lab.debugPods().size() == 1, p1, 120);
            String left = lab.debugPods().get(0);
            kill("-KILL", p1);
            assertEquals(List.of(left), lab.debugPods(), "kill -9 leaves the pod behind");

            Path second = tmp.resolve("second.jsonl");
            Process p2 = start(null, runArgs(lab, second, "--node-access", "debug-pod"));
            await("the second run's own pod", () -> slowStepStarted(second) && lab.debugPods().size() == 1
                    && !lab.debugPods().contains(left), p2, 120);
            String secondPod = lab.debugPods().get(0);
            kill("-KILL", p2);
            Map<String, String> swept = podLines(second).get(1);
            assertEquals("swept", swept.get("action"), podLines(second).toString());
            assertEquals(left, swept.get("pod"));
            assertTrue(swept.get("reason").contains("is gone"), swept.toString());

            Ran dry = run(null, cleanup(lab, "--dry-run"));
            assertEquals(6, dry.exit(), dry.toString());
            assertTrue(dry.out().startsWith("would delete: " + secondPod + " on node node0"), dry.out());
            assertEquals(List.of(secondPod), lab.debugPods(), "a dry run deletes nothing");
            Ran clean = run(null, cleanup(lab));
            assertEquals(0, clean.exit(), clean.toString());
            assertTrue(clean.out().startsWith("deleted: " + secondPod), clean.out());
            assertEquals(List.of(), lab.debugPods());
            Ran again = run(null, cleanup(lab));
            assertEquals(0, again.exit(), again.toString());
            assertEquals("no ktriage debug pods in namespace default (ktriage-lab)", again.out().strip());
        }
    }

    @Test
    void theConfigsDebugPodNodesNeedConsentAndAReadOnlyContextRefusesThem() throws Exception {
        Path home = tmp.resolve("home");
        Path config = home.resolve(".config/ktriage/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "ssh:\n  nodes:\n    node0: {access: debug-pod}\n");
        try (Lab lab = Lab.start(ScenarioLoader.load(Path.of(Launcher.seedScenario())), tmp.resolve("lab"))) {
            Path refused = tmp.resolve("refused.jsonl");
            Ran batch = run(home, runArgs(lab, refused));
            assertEquals(2, batch.exit(), batch.toString());
            JsonNode route = step(batch.json(), LabFixtures.SLOW_STEP);
            assertEquals("inconclusive", route.get("status").asText(), route.toString());
            assertTrue(route.get("reason").asText().contains("reaching it needs a debug pod, and nobody can agree to it in a batch run:"
                    + " --node-access debug-pod or --allow-debug-pods allows it"), route.toString());
            assertEquals(List.of("refused"), actions(refused));
            assertEquals(List.of(), lab.debugPods());

            Path allowed = tmp.resolve("allowed.jsonl");
            Ran agreed = run(home, runArgs(lab, allowed, "--allow-debug-pods"));
            assertEquals(0, agreed.exit(), agreed.toString());
            assertEquals(List.of("consented", "created", "deleted"), actions(allowed));
            assertEquals(List.of(), lab.debugPods());

            Files.writeString(config, Files.readString(config) + "contexts:\n  ktriage-lab: {readOnly: true}\n");
            Ran readOnly = run(home, runArgs(lab, tmp.resolve("ro.jsonl"), "--allow-debug-pods"));
            assertEquals(2, readOnly.exit(), readOnly.toString());
            assertTrue(step(readOnly.json(), LabFixtures.SLOW_STEP).get("reason").asText().contains("context ktriage-lab is readOnly in " + config),
                    readOnly.toString());
            assertEquals(List.of(), lab.debugPods());
            Ran whole = run(home, runArgs(lab, tmp.resolve("ro2.jsonl"), "--node-access", "debug-pod"));
            assertEquals(1, whole.exit(), whole.toString());
            assertEquals(1, whole.err().strip().lines().count(), whole.err());
        }
    }

    private static JsonNode step(JsonNode j, String id) {
        for (JsonNode s : j.get("steps")) if (s.get("id").asText().equals(id)) return s;
        throw new AssertionError("no step " + id + " in " + j.get("steps"));
    }
}
