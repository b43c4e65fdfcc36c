package dev.ktriage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ktriage.cli.Cli;
import dev.ktriage.lab.LabFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stopping a session in a real terminal (tmux) at 80x24 and 200x50: the demo pauses before each
 * step, q asks before it stops a running session, Ctrl-C stops one in the middle of a slow
 * gather; either way the transcript gets its end record ("interrupted"), its path is printed on
 * exit, and replay says the session was stopped.
 */
class TuiStopTest {

    @TempDir
    Path state;

    @BeforeAll
    static void needsTmuxAndTheJar() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed: the real-terminal tests need it (apt-get install tmux)");
        Launcher.ensureJar();
    }

    private String ktriage(String args) {
        return "XDG_STATE_HOME=" + state + " " + Launcher.ROOT.resolve("ktriage") + " " + args;
    }

    private static String last(Path transcript) throws IOException {
        List<String> lines = Files.readAllLines(transcript);
        return lines.get(lines.size() - 1);
    }

    @ParameterizedTest
    @CsvSource({"80,24", "200,50"})
    void theDemoPausesBeforeEachStepAndQAsksBeforeItStopsTheSession(int cols, int rows) throws Exception {
        Path transcript = state.resolve("demo.jsonl");
        try (Tmux t = Tmux.start("step" + cols, cols, rows, Launcher.ROOT, ktriage("demo --transcript " + transcript))) {
            t.await(120, "Enter starts the session");
            t.send("Enter");
            String paused = t.await(60, "paused before: Read the pod's probes and status", "space/n: run this step");
            assertTrue(paused.contains("$ kubectl get pods coredns-749558f7dd-w6jdj"), "the step waits with its command shown\n" + paused);
            assertTrue(!paused.contains("[x] "), "nothing ran yet\n" + paused);
            t.send("Space");
            t.await(60, "paused before: Read the kubelet's probe events", "[x] Read the pod's");
            t.send("q");
            t.await(30, "A session is running. Stop it and quit?", "y: stop the session and quit");
            t.send("n");
            t.await(30, "space/n: run this step");
            t.send("n"); // n runs the next step too
            t.await(60, "[x] Read the kubelet's");
            t.send("q");
            t.await(30, "A session is running. Stop it and quit?");
            t.send("y");
            String end = t.await(60, "[exited 0]");
            assertTrue(t.scrollback().contains("ktriage: failing-probes interrupted, transcript " + transcript), t.scrollback() + end);
        }
        String endRecord = last(transcript);
        assertTrue(endRecord.contains("\"type\":\"end\"") && endRecord.contains("\"outcome\":\"interrupted\""), endRecord);
        Cli replay = Cli.run("replay", transcript.toString());
        assertEquals(1, replay.exit(), replay.toString());
        assertTrue(replay.err().contains("the transcript is incomplete: the session was stopped by the operator and stops after step"), replay.err());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "200,50"})
    void ctrlCStopsASlowGatherAtOnceAndNamesTheTranscript(int cols, int rows) throws Exception {
        Path lab = LabFixtures.slowSeed(state.resolve("slow"));
        try (Tmux t = Tmux.start("ctrlc" + cols, cols, rows, Launcher.ROOT, ktriage("--lab " + lab))) {
            t.await(120, "What is wrong?", "failing-probes");
            t.send("/");
            t.type("failing-probes");
            t.await(30, "filter: /failing-probes_");
            t.send("Enter"); // opens the first entry the filter keeps: triage's suggestion (the pod filled in) or the playbook
            String form = t.await(60, "Enter starts the session", "kube-system/coredns-749558f7dd-w6jdj");
            if (!form.contains("> pod*       kube-system/coredns-749558f7dd-w6jdj_")) {
                t.await(60, "kube-system/coredns-749558f7dd-xppfp"); // the lab's pods offered: the first, w6jdj, is the seed's
                t.send("Down", "Enter");
                t.await(30, "> pod*       kube-system/coredns-749558f7dd-w6jdj_");
            }
            t.send("Enter");
            t.await(120, "gathering: " + LabFixtures.SLOW_STEP_TITLE);
            long pressed = System.nanoTime();
            t.send("C-c");
            t.await(60, "[exited 0]");
            long seconds = (System.nanoTime() - pressed) / 1_000_000_000L;
            assertTrue(seconds < 20, "quit " + seconds + " s after Ctrl-C, not when the node answered");
            String all = t.scrollback();
            Matcher m = Pattern.compile("ktriage: failing-probes interrupted, transcript (\\S+)").matcher(all);
            assertTrue(m.find(), all);
            Path transcript = Path.of(m.group(1));
            String endRecord = last(transcript);
            assertTrue(endRecord.contains("\"outcome\":\"interrupted\"") && endRecord.contains("the operator stopped the session"), endRecord);
            assertTrue(Files.readString(transcript).contains("\"id\":\"" + LabFixtures.SLOW_STEP + "\""), "the slow step is recorded");
        }
    }
}
