package dev.ktriage.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL in a real 80x24 terminal (tmux): the commands it shares with the command line complete
 * with Tab from their picocli model (names, options, file paths), run against the REPL's lab, and
 * show their usage; Ctrl-C during one leaves the REPL running.
 */
class ReplTerminalTest {

    @TempDir
    Path state;

    @BeforeAll
    static void needsTmuxAndTheJar() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed: the real-terminal tests need it (apt-get install tmux)");
        Launcher.ensureJar();
    }

    @Test
    void sharedCommandsCompleteRunAndExplainThemselves() throws Exception {
        String command = "XDG_STATE_HOME=" + state + " " + Launcher.ROOT.resolve("ktriage") + " repl --lab " + Launcher.seedScenario();
        try (Tmux t = Tmux.start("repl-shared", 80, 24, Launcher.ROOT, command)) {
            t.await(120, "ktriage [lab/default]>");
            t.type("tri");
            t.send("Tab");
            t.await(10, "> triage ");
            t.type("--o");
            t.send("Tab");
            t.await(10, "> triage --output ");
            t.type("json");
            t.send("Enter");
            t.await(60, "\"playbook\" : \"martian-source\"", "\"node\" : \"node0\"");
            String all = t.scrollback();
            assertTrue(all.contains("\"pod\" : \"kube-system/coredns-749558f7dd-w6jdj\""), all);
            t.send("C-l");
            t.type("help replay");
            t.send("Enter");
            t.await(10, "Usage: replay [-o=FORMAT] FILE");
            t.send("C-l");
            t.type("triage --lab elsewhere");
            t.send("Enter");
            t.await(10, "ktriage: Unknown options: '--lab', 'elsewhere' (see: help triage)");
            t.send("C-l");
            t.type("plugin test plugins/workload-exp");
            t.send("Tab");
            t.await(10, "> plugin test plugins/workload-exposure/");
            t.send("Enter");
            t.await(120, " passed, 0 failed");
            // Ctrl-C while a command runs stops at most the command, never the REPL
            t.send("C-l");
            t.type("plugin test plugins/workload-exposure");
            t.send("Enter");
            t.await(60, "PASS ");
            t.send("C-c");
            t.await(120, "(Ctrl-C: the command was asked to stop; the REPL goes on)");
            t.type("help replay");
            t.send("Enter");
            t.await(10, "Usage: replay [-o=FORMAT] FILE");
            t.send("C-d");
            t.await(30, "bye", "[exited 0]");
        }
    }

    /** The prompt's step counter follows the session as steps start, without a key pressed; abort ends it interrupted. */
    @Test
    void thePromptFollowsTheSessionAndAbortEndsItInterrupted() throws Exception {
        String command = "XDG_STATE_HOME=" + state + " " + Launcher.ROOT.resolve("ktriage") + " repl --lab " + Launcher.seedScenario();
        try (Tmux t = Tmux.start("repl-abort", 80, 24, Launcher.ROOT, command)) {
            t.await(120, "ktriage [lab/default]>");
            t.type("start failing-probes pod=kube-system/coredns-749558f7dd-w6jdj");
            t.send("Enter");
            t.await(120, "(next: run", "ktriage [lab/default] failing-probes#1> ");
            t.type("next");
            t.send("Enter");
            // step 2 starts on the engine's thread: the prompt drawn under its lines already counts it
            t.await(120, "[2] Read the kubelet's probe events", "ktriage [lab/default] failing-probes#2> ");
            t.type("abort");
            t.send("Enter");
            // abort may land while step 2 still reads (it is cut short) or after it (the next step does not start)
            String screen = t.await(120, "session ended: interrupted (the operator stopped the session",
                    "ktriage [lab/default] failing-probes done> ");
            assertTrue(screen.contains("stopping the session: it takes no further step and ends interrupted"), screen);
            t.send("C-d");
            t.await(30, "[exited 0]");
        }
    }
}
