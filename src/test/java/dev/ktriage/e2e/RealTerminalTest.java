package dev.ktriage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher in a real 80x24 terminal (tmux), driven by keys through the seed incident:
 * coredns 0/1 on a Cilium node, probe replies dropped by rp_filter. Asserts what the screen shows
 * at the diagnosis, in the TUI and in the REPL.
 */
class RealTerminalTest {

    private static final String[] CAUSES = {"rp-filter-strict-on-cni-device", "node-drops-probe-replies-rp-filter"};

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

    @Test
    void demoOpensTheTuiOnTheSeedIncidentAndShowsTheDiagnosisAt80x24() throws Exception {
        Path transcript = state.resolve("demo.jsonl");
        try (Tmux t = Tmux.start("tui", 80, 24, Launcher.ROOT, ktriage("demo --transcript " + transcript))) {
            // the lab's pods are read for the form: the demo's pod is one of them
            t.await(120, "pod*", "kube-system/coredns-749558f7dd-w6jdj", "Enter starts the session",
                    "= one of the 2 pods in kube-system listed");
            t.send("Enter");
            t.await(60, "paused before: Read the pod's probes and status"); // the demo steps through; c runs to the end
            t.send("c");
            String screen = t.await(120, "[!] " + CAUSES[1], "session ended: diagnosed");
            assertTrue(screen.contains("[!] " + CAUSES[0]), screen);
            assertTrue(screen.indexOf(CAUSES[0]) < screen.indexOf(CAUSES[1]), "most specific first\n" + screen);
            assertTrue(screen.contains("Transcript: " + transcript), screen);
            assertEquals(24, screen.lines().count(), screen);
            Files.writeString(Path.of("target", "tui-diagnosis.txt"), screen); // the README's capture comes from here
            assertEquals(readmeCapture(), normalized(screen.replace(transcript.toString(), "/tmp/ktriage-demo.jsonl")),
                    "README.md's 80x24 capture is not today's screen: paste target/tui-diagnosis.txt");
            t.send("m");
            t.await(30, "report written:");
            assertTrue(Files.readString(state.resolve("demo.md")).contains(CAUSES[0]));
            t.send("s");
            t.await(30, "Steps", "Esc: back to the diagnosis");
            t.send("g"); // the first step: long titles wrap, so at 80x24 the list shows the newest ones
            t.await(30, "[x] Read the pod's probes", "Esc: back to the diagnosis");
            // a second session in the same run gets its own transcript and report: nothing is overwritten
            t.send("Escape");
            t.await(30, "m: report  v: verify");
            t.send("n");
            t.await(30, "What is wrong? Pick a playbook");
            t.send("Enter");
            t.await(30, "Enter starts the session");
            t.send("Enter");
            Path second = state.resolve("demo-2.jsonl");
            t.await(120, "Transcript: " + second);
            t.send("m");
            for (int i = 0; i < 300 && !Files.exists(state.resolve("demo-2.md")); i++) Thread.sleep(100);
            assertTrue(Files.readString(state.resolve("demo-2.md")).contains(CAUSES[0]));
            assertTrue(Files.readString(state.resolve("demo.md")).contains(CAUSES[0]), "the first report is still there");
            assertTrue(Files.size(transcript) > 0 && Files.size(second) > 0);
            t.send("q");
            t.await(30, "Replay it offline", "[exited 0]");
            String all = t.scrollback();
            assertTrue(all.contains("./ktriage replay " + transcript) && all.contains("./ktriage replay " + second), all);
        }
    }

    /** The capture in README.md, line by line. */
    private static List<String> readmeCapture() throws IOException {
        String readme = Files.readString(Launcher.ROOT.resolve("README.md"));
        int at = readme.indexOf("```\n", readme.indexOf("`./ktriage demo` at 80x24, at the diagnosis")) + 4;
        return normalized(readme.substring(at, readme.indexOf("```", at)));
    }

    /** A screen's lines without trailing blanks, and with the times a read ended (they differ on every run) as one. */
    private static List<String> normalized(String screen) {
        return screen.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "TIME").lines().map(String::stripTrailing).toList();
    }

    @Test
    void noSubcommandOpensTheTuiStartScreenOnALab() throws Exception {
        try (Tmux t = Tmux.start("start", 80, 24, Launcher.ROOT, ktriage("--lab " + Launcher.seedScenario()))) {
            t.await(120, "What is wrong?", "failing-probes", "martian-source", "lab/default | idle");
            t.send("?");
            t.await(30, "Help", "any key: back", "typing filters the cluster's list, Up/Down pick");
            t.send("x", "q");
            t.await(30, "[exited 0]");
        }
    }

    @Test
    void aDumbTerminalGetsLineModeWithAOneLineNotice() throws Exception {
        try (Tmux t = Tmux.start("dumb", 80, 24, Launcher.ROOT, "TERM=dumb " + ktriage("demo --transcript " + state.resolve("dumb.jsonl")))) {
            t.await(120, "[exited 0]", "Replay it offline");
            String all = t.scrollback();
            assertTrue(all.contains("ktriage: no interactive terminal (or TERM=dumb, or KTRIAGE_UI=line): line mode"), all);
            assertTrue(all.contains("!! diagnosis: rp-filter-strict-on-cni-device"), all);
        }
    }

    @Test
    void replWalksTheSeedIncidentToTheDiagnosisAndCtrlDSavesTheReport() throws Exception {
        try (Tmux t = Tmux.start("repl", 80, 24, Launcher.ROOT, ktriage("repl --lab " + Launcher.seedScenario()))) {
            t.await(120, "ktriage [lab/default]>");
            t.type("start failing-probes pod=kube-system/coredns-749558f7dd-w6jdj");
            t.send("Enter");
            t.await(60, "(next: run");
            t.type("continue");
            t.send("Enter");
            String screen = t.await(120, "!! diagnosis: " + CAUSES[0], "session ended: diagnosed " + CAUSES[0] + ", " + CAUSES[1]);
            assertTrue(screen.contains("rp_filter is 2 on lxc3c160d6c7aa0"), screen);
            t.type("ssh node0 sysctl -w net.ipv4.conf.all.rp_filter=0");
            t.send("Enter");
            t.await(30, "error: 'sysctl -w' is not read-only: writes kernel parameters");
            t.send("C-d");
            t.await(30, "report written:", "bye", "[exited 0]");
        }
        try (Stream<Path> reports = Files.walk(state.resolve("ktriage"))) {
            Path report = reports.filter(p -> p.toString().endsWith(".md")).findFirst().orElseThrow();
            assertTrue(Files.readString(report).contains(CAUSES[0]));
        }
        assertTrue(Files.readString(state.resolve("ktriage/repl_history")).contains("start failing-probes"));
    }
}
