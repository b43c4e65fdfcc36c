package dev.ktriage.ui.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.ktriage.engine.Outcome;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.ui.SeedLab;
import dev.ktriage.ui.SessionLauncher;
import dev.ktriage.ui.SessionLauncher.FinishedSession;
import dev.ktriage.ui.Workspace;
import dev.ktriage.ui.batch.BatchOperator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screens, painted on Lanterna's virtual terminal at 80x24 and read back character by
 * character. The subject here is the screen, so these tests do assert on what it shows.
 */
class TuiScreensTest {

    @TempDir
    static Path tmp;
    static SeedLab seed;

    @BeforeAll
    static void startLab() {
        seed = new SeedLab(tmp);
    }

    @AfterAll
    static void stopLab() {
        seed.close();
    }

    /** Runs the seed session through the TUI's own listener and queue, as the app would, but synchronously. */
    private static TuiState seedSessionEnded() {
        GuiQueue gui = new GuiQueue();
        TuiState state = new TuiState("lab/default");
        state.openForm(seed.catalog().require(SeedLab.PLAYBOOK), SeedLab.INPUTS);
        state.sessionStarted();
        FinishedSession done = seed.launcher().run(SeedLab.PLAYBOOK, SeedLab.INPUTS, new BatchOperator(Map.of()), new TuiListener(gui));
        gui.drainInto(state);
        state.ended(done);
        assertEquals(Outcome.DIAGNOSED, done.result().outcome());
        return state;
    }

    @Test
    void diagnosisScreenAt80x24ShowsBothCausesTheTranscriptAndTheKeys() throws Exception {
        TuiState state = seedSessionEnded();
        String screen = VirtualScreens.paint(state, 80, 24);
        for (String id : SeedLab.diagnosisIds()) assertTrue(screen.contains("[!] " + id), screen);
        assertTrue(screen.indexOf("rp-filter-strict-on-cni-device") < screen.indexOf("node-drops-probe-replies-rp-filter"),
                "most specific first\n" + screen);
        assertTrue(screen.contains("Transcript: " + tmp.resolve("seed.jsonl")), screen);
        assertTrue(screen.contains("m: report  v: verify"), screen);
        assertTrue(screen.contains("lab/default | session ended: diagnosed"), screen);
        assertEquals(24, screen.lines().count());
        // further down: where each fact came from, and what was ruled out on the way
        List<String> all = EndView.lines(state, 78).stream().map(EndView.Line::text).toList();
        String joined = String.join(" ", all.stream().map(String::strip).toList());
        assertTrue(joined.contains("from `ssh node0 ip route get 10.0.0.113` on node node0 at "), joined);
        assertTrue(all.contains("Ruled out on the way:"), all.toString());
        assertTrue(all.stream().anyMatch(l -> l.startsWith("- probe-refused: No probe connection was refused")), all.toString());
    }

    @Test
    void stepsScreenMarksEveryStepAndTheQuotedEvidence() throws Exception {
        TuiState state = seedSessionEnded();
        state.mode = TuiState.Mode.SESSION;
        state.shown = 1; // the probe events: the quoted "i/o timeout" line is marked and scrolled into view
        String screen = VirtualScreens.paint(state, 80, 24);
        assertTrue(screen.contains("[x] "), screen);
        assertTrue(screen.contains("[!] "), screen);
        assertTrue(screen.lines().anyMatch(l -> l.contains("> ") && l.contains("i/o timeout")), screen);
        assertTrue(screen.contains("-- evidence"), screen);
    }

    @Test
    void repaintsAfterAResizeAndSaysWhenTheTerminalIsTooSmall() throws Exception {
        TuiState state = seedSessionEnded();
        String wide = VirtualScreens.paint(state, 120, 40);
        assertTrue(wide.lines().anyMatch(l -> l.length() > 80), "text wraps to the wider screen\n" + wide);
        assertEquals(40, wide.lines().count());
        String tiny = VirtualScreens.paint(state, 30, 8);
        assertTrue(tiny.contains("too small: 30x8"), tiny);
    }

    @Test
    void theAppRunsTheSeedIncidentFromThePresetToTheDiagnosisByKeysAlone() throws Exception {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        Workspace ws = seed.workspace(new Workspace.Preset(SeedLab.PLAYBOOK, SeedLab.INPUTS), tmp);
        Thread gui = new Thread(() -> {
            try {
                TuiApp.run(ws, vt);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, "test-gui");
        gui.start();
        VirtualScreens.await(vt, 30, "Enter starts the session");
        vt.addInput(new KeyStroke(KeyType.Enter));
        VirtualScreens.await(vt, 60, "[!] node-drops-probe-replies-rp-filter", "[!] rp-filter-strict-on-cni-device");
        vt.addInput(new KeyStroke('m', false, false));
        String saved = VirtualScreens.await(vt, 30, "report written:");
        assertTrue(Files.readString(TuiApp.reportPath(tmp.resolve("seed.jsonl"))).contains("rp-filter-strict-on-cni-device"), saved);
        vt.setTerminalSize(new TerminalSize(100, 30));
        String wider = VirtualScreens.await(vt, 30, "Evidence chain:");
        assertEquals(30, wider.lines().count(), wider);
        vt.addInput(new KeyStroke('?', false, false));
        VirtualScreens.await(vt, 30, "Help");
        vt.addInput(new KeyStroke('x', false, false));
        vt.addInput(new KeyStroke('q', false, false));
        gui.join(10_000);
        assertTrue(!gui.isAlive(), "q quits");
    }

    @Test
    void questionsAreAnsweredOnTheGuiThreadWhileTheEngineWaits() throws Exception {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        SessionLauncher asking = (playbook, inputs, operator, listener) -> {
            listener.stepStarted("confirm", "Confirm the change", "Asks before it looks further.", null);
            String choice = operator.answer("restarted", "Did the pod restart after the change?", List.of("yes", "no"));
            String node = operator.provideInput(seed.catalog().require("martian-source").inputs().get(0), List.of());
            return new FinishedSession(new SessionResult(playbook, Outcome.INCONCLUSIVE, List.of(), List.of(),
                    "answered " + choice + " on " + node), tmp.resolve("asked.jsonl"));
        };
        Workspace ws = new Workspace(seed.catalog(), asking, null, null, "lab/default", Workspace.noTriage(),
                new Workspace.Preset(SeedLab.PLAYBOOK, SeedLab.INPUTS), tmp);
        Thread gui = new Thread(() -> {
            try {
                TuiApp.run(ws, vt);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, "test-gui-question");
        gui.start();
        VirtualScreens.await(vt, 30, "Enter starts the session");
        vt.addInput(new KeyStroke(KeyType.Enter));
        VirtualScreens.await(vt, 30, "Did the pod restart after the change?", "[1 yes]", "waiting for your answer");
        vt.addInput(new KeyStroke(KeyType.ArrowRight));
        vt.addInput(new KeyStroke(KeyType.Enter));
        VirtualScreens.await(vt, 30, "answer: _");
        for (char c : "node0".toCharArray()) vt.addInput(new KeyStroke(c, false, false));
        vt.addInput(new KeyStroke(KeyType.Enter));
        VirtualScreens.await(vt, 30, "No diagnosis: could not tell.", "answered no on node0", "session ended: inconclusive: could not tell");
        vt.addInput(new KeyStroke('q', false, false));
        gui.join(10_000);
    }
}
