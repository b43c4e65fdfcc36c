package dev.ktriage.ui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.engine.SessionListener;
import dev.ktriage.replay.Replayer;
import dev.ktriage.transcript.Transcript;
import dev.ktriage.ui.SeedLab;
import dev.ktriage.ui.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL's commands without a terminal: the seed incident walked from the prompt, and the look-arounds. */
class ReplCommandsTest {

    @TempDir
    static Path tmp;
    static SeedLab seed;

    private final List<String> printed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startLab() {
        seed = new SeedLab(tmp);
    }

    @AfterAll
    static void stopLab() {
        seed.close();
    }

    private ReplCommands repl() {
        Workspace ws = seed.workspace(null, tmp);
        return new ReplCommands(ws, printed::add);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void walksTheSeedIncidentAskingForTheMissingInputThenStepByStepToTheDiagnosis() throws Exception {
        ReplCommands r = repl();
        assertTrue(r.execute("start failing-probes").startsWith("started failing-probes"));
        await(() -> printed.stream().anyMatch(p -> p.startsWith("? input 'pod'")), "the question for the pod");
        assertEquals("", r.execute("answer kube-system/coredns-749558f7dd-w6jdj"));
        await(() -> printed.stream().anyMatch(p -> p.contains("(next: run")), "the pause before step 2");
        assertTrue(r.execute("why").contains("Read the pod"), "why talks about step 1");
        r.execute("next");
        await(() -> printed.stream().filter(p -> p.contains("(next: run")).count() >= 2, "the pause before step 3");
        assertTrue(r.execute("evidence").lines().anyMatch(l -> l.startsWith("> ") && l.contains("i/o timeout")), "quoted line marked");
        assertTrue(r.execute("back").contains("Read the pod"));
        assertTrue(r.execute("next").contains("probe events"), "next after back shows the step after, without running one");
        assertTrue(r.execute("report").startsWith("error: the session has not ended"));
        r.execute("continue");
        await(() -> printed.stream().anyMatch(p -> p.startsWith("session ended:")), "the end");
        String end = printed.stream().filter(p -> p.startsWith("session ended:")).findFirst().orElseThrow();
        assertTrue(end.contains("diagnosed " + String.join(", ", SeedLab.diagnosisIds())), end);
        assertTrue(r.execute("report").contains("## Diagnosis"));
        assertEquals("the session has ended (report, save; start begins another)", r.execute("continue"));
        assertEquals("unknown command 'contnue' (did you mean 'continue'?) (help lists them)", r.execute("contnue"));
        String bye = r.exit();
        assertTrue(bye.contains("report written: "), bye);
        assertTrue(Files.readString(tmp.resolve("seed.md")).contains("rp-filter-strict-on-cni-device"));
    }

    /** abort while the session waits before its next step: no further step, the transcript ends interrupted, replay says it was stopped. */
    @Test
    void abortEndsTheSessionInterruptedWithItsTranscriptClosed() throws Exception {
        ReplCommands r = repl();
        r.execute("start failing-probes pod=kube-system/coredns-749558f7dd-w6jdj");
        await(() -> printed.stream().anyMatch(p -> p.contains("(next: run")), "the pause before step 2");
        assertTrue(r.prompt().endsWith(" failing-probes#1> "), r.prompt());
        assertEquals("stopping the session: it takes no further step and ends interrupted", r.execute("abort"));
        await(() -> printed.stream().anyMatch(p -> p.startsWith("session ended:")), "the end");
        String end = printed.stream().filter(p -> p.startsWith("session ended:")).findFirst().orElseThrow();
        assertEquals("session ended: interrupted (the operator stopped the session before step 'probe-events'; transcript: "
                + seed.transcript() + ")", end);
        assertEquals(1, printed.stream().filter(p -> p.startsWith("[")).count(), "one step ran: " + printed);
        assertEquals("the session has ended (report, save; start begins another)", r.execute("stop"));
        assertTrue(r.execute("report").contains("interrupted"), "the report says how it ended");

        Transcript t = Transcript.read(seed.transcript());
        assertEquals("interrupted", t.outcome());
        assertEquals(1, t.steps().size());
        Replayer.Verdict v = Replayer.replay(t, seed.catalog(), new SessionListener() { });
        assertTrue(v.incomplete(), v.detail());
        assertEquals("the transcript is incomplete: the session was stopped by the operator and stops after step 'pod-spec'"
                + " (1 step(s) recorded); the replay agrees with every recorded step", v.detail());
        r.exit();
    }

    /** get and ssh between steps are on the session's record like the steps' reads, and replay still agrees. */
    @Test
    void readsBetweenStepsAreRecordedInTheSessionsTranscript() throws Exception {
        ReplCommands r = repl();
        r.execute("get nodes");
        r.execute("start failing-probes pod=kube-system/coredns-749558f7dd-w6jdj");
        await(() -> printed.stream().anyMatch(p -> p.contains("(next: run")), "the pause before step 2");
        assertTrue(r.execute("get pods -n kube-system").contains("coredns-749558f7dd-w6jdj"));
        assertTrue(r.execute("ssh node0 sysctl net.ipv4.conf.all.rp_filter").contains("rp_filter = 0"));
        r.execute("continue");
        await(() -> printed.stream().anyMatch(p -> p.startsWith("session ended:")), "the end");
        List<String> operator = Files.readAllLines(seed.transcript()).stream().filter(l -> l.contains("\"step\":\"(operator)\"")).toList();
        assertEquals(2, operator.size(), "get pods and ssh, not the get nodes before the session: " + operator);
        assertTrue(operator.get(0).startsWith("{\"type\":\"cluster\"") && operator.get(0).contains("coredns-749558f7dd-w6jdj"), operator.get(0));
        assertTrue(operator.get(1).startsWith("{\"type\":\"node\"") && operator.get(1).contains("rp_filter = 0"), operator.get(1));
        Replayer.Verdict v = Replayer.replay(Transcript.read(seed.transcript()), seed.catalog(), new SessionListener() { });
        assertTrue(v.same(), v.detail());
        r.exit();
    }

    /** A healthy end and a could-not-tell end read differently at the prompt. */
    @Test
    void aHealthyPodEndsHealthyNotJustWithoutADiagnosis(@TempDir Path dir) throws Exception {
        Path scenario = Path.of("playbooks/failing-probes/scenarios/healthy-web-ready");
        try (SeedLab healthy = new SeedLab(dir, scenario)) {
            ReplCommands r = new ReplCommands(healthy.workspace(null, dir), printed::add);
            r.execute("start failing-probes pod=shop/web-7c9d8b6f5-qx2lp");
            r.execute("continue");
            await(() -> printed.stream().anyMatch(p -> p.startsWith("session ended:")), "the end");
            String end = printed.stream().filter(p -> p.startsWith("session ended:")).findFirst().orElseThrow();
            assertTrue(end.startsWith("session ended: healthy ("), end);
            r.exit();
        }
    }

    @Test
    void getAndSshReadThroughTheGatewaysAndRefuseWhatCouldChangeANode() {
        ReplCommands r = repl();
        String pods = r.execute("get pods -n kube-system");
        assertTrue(pods.lines().skip(1).findFirst().orElse("").matches("NAME +READY +STATUS +RESTARTS +AGE"), pods);
        assertTrue(pods.lines().anyMatch(l -> l.matches("coredns-749558f7dd-w6jdj +0/1 +Running +0 +[0-9a-z<>]+")), pods);
        String wide = r.execute("get pods -n kube-system -o wide");
        assertTrue(wide.lines().anyMatch(l -> l.contains("coredns-749558f7dd-w6jdj") && l.contains("10.0.0.113") && l.contains("node0")), wide);
        String nodes = r.execute("get nodes");
        assertTrue(nodes.startsWith("$ kubectl get nodes") && !nodes.lines().findFirst().orElseThrow().contains("-n "), nodes);
        assertTrue(nodes.lines().skip(1).findFirst().orElse("").matches("NAME +STATUS +ROLES +AGE +VERSION"), nodes);
        assertTrue(r.execute("get nodes node0 -o json").contains("\"name\" : \"node0\""));
        assertTrue(r.execute("get nodes node0 -o yaml").contains("name: \"node0\"") || r.execute("get nodes node0 -o yaml").contains("name: node0"));
        assertTrue(r.execute("get pods -o table").startsWith("error: -o takes wide, yaml or json"));
        assertTrue(r.execute("ssh node0 sysctl net.ipv4.conf.all.rp_filter").contains("net.ipv4.conf.all.rp_filter = 0"));
        assertTrue(r.execute("ssh node0 sysctl -w net.ipv4.conf.all.rp_filter=0").startsWith("error: 'sysctl -w' is not read-only: writes kernel parameters"));
        assertTrue(r.execute("ssh node0 cat /etc/passwd | grep root").startsWith("error: '|' in a node command"));
        assertTrue(r.execute("ssh node0 cat $(id)").startsWith("error: '$'"));
        assertTrue(r.execute("ssh node0 rm -rf /").startsWith("error: 'rm' is not on ktriage's list of read-only node commands"));
        assertEquals("unknown command 'frobnicate' (help lists them)", r.execute("frobnicate"));
        assertTrue(r.prompt().startsWith("ktriage [lab/default]"));
    }

    @Test
    void helpNamesOneCommandAndStartTakesRunsSetToo() {
        ReplCommands r = repl();
        String start = r.execute("help start");
        assertTrue(start.startsWith("start PLAYBOOK") && start.contains("--set key=value"), "with its second line: " + start);
        assertEquals(1, r.execute("help step").lines().count(), "the line of next | step, not every line saying 'step'");
        assertTrue(r.execute("help frobnicate").startsWith("error: no command 'frobnicate'"));
        assertTrue(r.execute("start failing-probes --set").startsWith("error: '--set' is not key=value"));
        assertTrue(r.execute("start no-such-playbook").startsWith("error: no playbook 'no-such-playbook'"));
        assertTrue(r.execute("list").startsWith("unknown command"), "without the command line's shell, list is not here");
    }

    @Test
    void tabAfterAPodKeyOffersTheClustersPods() {
        ReplCompleter c = new ReplCompleter(repl());
        String typed = "start failing-probes pod=";
        org.jline.reader.ParsedLine line = new org.jline.reader.impl.DefaultParser().parse(typed, typed.length(),
                org.jline.reader.Parser.ParseContext.COMPLETE);
        java.util.List<org.jline.reader.Candidate> offered = new java.util.ArrayList<>();
        c.complete(null, line, offered);
        assertTrue(offered.stream().anyMatch(o -> o.value().equals("pod=kube-system/coredns-749558f7dd-w6jdj")),
                offered.stream().map(org.jline.reader.Candidate::value).toList().toString());
        String keys = "start failing-probes ";
        java.util.List<org.jline.reader.Candidate> keyOffers = new java.util.ArrayList<>();
        c.complete(null, new org.jline.reader.impl.DefaultParser().parse(keys, keys.length(), org.jline.reader.Parser.ParseContext.COMPLETE), keyOffers);
        assertEquals(java.util.List.of("pod="), keyOffers.stream().map(org.jline.reader.Candidate::value).toList());
    }
}
