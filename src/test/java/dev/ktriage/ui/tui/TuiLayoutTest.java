package dev.ktriage.ui.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.ktriage.engine.Conclusion;
import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.Outcome;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.engine.StepStatus;
import dev.ktriage.playbook.ExtractorRegistry;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.PlaybookSources;
import dev.ktriage.ui.SessionLauncher.FinishedSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nothing cut off, at 80x24 and 200x50: a long finding wraps whole, steps with long or equal
 * titles stay whole and tell apart, a long transcript path is on screen whole, every key line
 * fits, and / j/k g/G move and filter the lists.
 */
class TuiLayoutTest {

    private static final PlaybookCatalog CATALOG = PlaybookCatalog.load(PlaybookSources.builtIn(),
            ExtractorRegistry.fromClassLoader(TuiLayoutTest.class.getClassLoader()));
    private static final String FINDING = "rp_filter is 2 on lxc3c160d6c7aa0, the device the probe replies leave by, and the"
            + " node's route back to 10.0.0.1 goes out through cilium_host instead, so the kernel drops every reply as a"
            + " martian before the kubelet sees it; the pod's readiness probe therefore times out after 1 s each period";

    private static TuiState session(int steps) {
        TuiState s = new TuiState("lab/default");
        Playbook p = CATALOG.require("martian-source");
        s.openForm(p, Map.of());
        s.sessionStarted();
        for (int i = 0; i < steps; i++) {
            String item = "lxc" + i + "a1b2c3d4e5f6";
            s.stepStarted("scan[" + item + "]/rp", "Read the effective reverse-path filter setting of the device and of all", "Reads it.",
                    "sysctl net.ipv4.conf." + item + ".rp_filter");
            s.stepFinished(new StepRecord("scan[" + item + "]/rp", "t", StepStatus.DONE, "f", "rp_filter is 2", null, List.of(), List.of(), null));
        }
        return s;
    }

    private static String joined(String screen) {
        return String.join(" ", screen.lines().map(String::strip).toList()).replaceAll(" +", " ");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "200,50"})
    void aLongFindingWrapsWhole(int cols, int rows) throws Exception {
        TuiState s = session(1);
        s.steps.get(0).says = FINDING;
        String screen = VirtualScreens.paint(s, cols, rows);
        int left = SessionView.stepsWidth(s, cols) + 2;
        String right = joined(String.join("\n", screen.lines().map(l -> l.length() > left ? l.substring(left) : "").toList()));
        assertTrue(right.contains("=> " + FINDING), "the whole finding is on screen:\n" + screen);
        assertEquals(rows, screen.lines().count());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "200,50"})
    void stepsWithLongAndEqualTitlesAreWholeAndTellApart(int cols, int rows) throws Exception {
        TuiState s = session(3);
        s.shown = 2;
        String screen = VirtualScreens.paint(s, cols, rows);
        int width = SessionView.stepsWidth(s, cols) - 1;
        List<String> labels = new ArrayList<>();
        StringBuilder current = null;
        for (String line : screen.lines().skip(2).toList()) {
            String cell = line.length() > width ? line.substring(0, width) : line;
            if (cell.startsWith("[")) {
                if (current != null) labels.add(current.toString().strip());
                current = new StringBuilder(cell.strip());
            } else if (current != null && cell.startsWith("    ") && !cell.isBlank()) {
                current.append(' ').append(cell.strip());
            } else if (current != null) {
                labels.add(current.toString().strip());
                current = null;
            }
        }
        if (current != null) labels.add(current.toString().strip());
        assertEquals(3, labels.size(), screen);
        for (int i = 0; i < 3; i++) {
            assertEquals("[x] Read the effective reverse-path filter setting of the device and of all [lxc" + i + "a1b2c3d4e5f6]",
                    labels.get(i), screen);
        }
        assertEquals(3, new HashSet<>(labels).size());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "200,50"})
    void theTranscriptPathIsWholeOnTheEndScreen(int cols, int rows) throws Exception {
        TuiState s = session(1);
        Path transcript = Path.of("/var/tmp/ktriage/a-rather-long-folder-name-for-incidents/2026-12-03/prod-eu-west-1",
                "failing-probes-2026-12-03T01-02-03Z-kube-system-coredns-749558f7dd-w6jdj.jsonl");
        s.ended(new FinishedSession(new SessionResult("martian-source", Outcome.INCONCLUSIVE, List.of(), List.of(), "no drop seen"), transcript));
        String screen = VirtualScreens.paint(s, cols, rows);
        assertTrue(screen.replace("\n", "").contains(transcript.toString()), "the path, whole:\n" + screen);
        if (cols == 200) assertTrue(screen.contains("Transcript: " + transcript), screen);
        else assertTrue(screen.lines().anyMatch(l -> l.startsWith(transcript.toString().substring(0, cols))), "from the first column:\n" + screen);
    }

    @ParameterizedTest
    @CsvSource({"80,24", "200,50"})
    void anInterruptedSessionSaysSoAndWhere(int cols, int rows) throws Exception {
        TuiState s = session(1);
        s.stepStarted("next", "Read the node's martian log", "Reads it.", "journalctl -k");
        s.ended(new FinishedSession(new SessionResult("martian-source", Outcome.INTERRUPTED, List.of(), List.of(),
                "the operator stopped the session during step 'next'"), Path.of("/tmp/t.jsonl")));
        String screen = VirtualScreens.paint(s, cols, rows);
        assertTrue(screen.contains("martian-source: interrupted"), screen);
        assertTrue(screen.contains("Interrupted: the session was stopped before it reached a conclusion."), screen);
        assertTrue(screen.contains("session ended: interrupted"), screen);
        s.mode = TuiState.Mode.SESSION;
        s.shown = 1;
        String steps = VirtualScreens.paint(s, cols, rows);
        assertTrue(joined(steps).contains("=> not finished: the session was stopped"), steps);
    }

    @ParameterizedTest
    @CsvSource({"80,24", "200,50"})
    void healthyAndCouldNotTellReadDifferently(int cols, int rows) throws Exception {
        TuiState s = session(1);
        s.ended(new FinishedSession(new SessionResult("martian-source", Outcome.INCONCLUSIVE, List.of(), List.of(),
                "log_martians is on and the kernel logged no martian packet", Conclusion.HEALTHY), Path.of("/tmp/t.jsonl")));
        String healthy = VirtualScreens.paint(s, cols, rows);
        assertTrue(healthy.contains("Healthy: established by what this session read.") && healthy.contains("martian-source: healthy")
                && healthy.contains("session ended: healthy") && healthy.contains("the kernel logged no martian packet"), healthy);
        s.ended(new FinishedSession(new SessionResult("martian-source", Outcome.INCONCLUSIVE, List.of(), List.of(),
                "step 'log' inconclusive: journalctl: permission denied"), Path.of("/tmp/t.jsonl")));
        String unsure = VirtualScreens.paint(s, cols, rows);
        assertTrue(unsure.contains("No diagnosis: could not tell.") && unsure.contains("session ended: inconclusive: could not tell")
                && !unsure.contains("Healthy"), unsure);
    }

    @ParameterizedTest
    @CsvSource({"80,24", "200,50"})
    void everyKeyLineFitsAndIsShownWhole(int cols, int rows) throws Exception {
        TuiState s = session(2);
        List<String> lines = new ArrayList<>();
        s.mode = TuiState.Mode.START;
        lines.add(ScreenPainter.keys(s));
        s.filtering = true;
        lines.add(ScreenPainter.keys(s));
        s.filtering = false;
        s.mode = TuiState.Mode.SESSION;
        lines.add(ScreenPainter.keys(s));
        s.paused = "scan[x]/rp";
        lines.add(ScreenPainter.keys(s));
        s.confirmQuit = true;
        lines.add(ScreenPainter.keys(s));
        s.confirmQuit = false;
        s.ended(new FinishedSession(new SessionResult("martian-source", Outcome.DIAGNOSED,
                List.of(new Diagnosis("d", "t", "high", "s", List.of(), "r", "martian-source")), List.of(), null), Path.of("/tmp/t.jsonl")));
        lines.add(ScreenPainter.keys(s));
        s.mode = TuiState.Mode.SESSION;
        lines.add(ScreenPainter.keys(s));
        for (String l : lines) assertTrue(l.length() <= 80, l.length() + ": " + l);
        String screen = VirtualScreens.paint(s, cols, rows);
        assertTrue(screen.contains(ScreenPainter.keys(s)), screen);
    }

    private static void press(KeyHandler keys, TuiState s, char... cs) {
        for (char c : cs) keys.handle(s, new KeyStroke(c, false, false));
    }

    @ParameterizedTest
    @CsvSource({"80,24", "200,50"})
    void slashFiltersAndJkgGMoveTheStartListAndTheSteps(int cols, int rows) throws Exception {
        List<String> actions = new ArrayList<>();
        KeyHandler keys = new KeyHandler(CATALOG, new KeyHandler.Actions() {
            public void start(Playbook playbook, Map<String, String> inputs) {
                actions.add("start " + playbook.id());
            }

            public void saveReport() {
            }

            public void verify() {
                actions.add("verify");
            }

            public void stop() {
                actions.add("stop");
            }

            public void pauseBeforeEachStep(boolean on) {
                actions.add("pause " + on);
            }

            public void nextStep() {
                actions.add("next");
            }
        });
        TuiState s = new TuiState("lab/default");
        s.playbooks(List.copyOf(CATALOG.all()));
        press(keys, s, 'G');
        assertEquals(s.entries.size() - 1, s.selected);
        press(keys, s, 'g', 'j');
        assertEquals(1, s.selected);
        press(keys, s, 'k');
        assertEquals(0, s.selected);
        press(keys, s, '/');
        for (char c : "sysctl-f".toCharArray()) press(keys, s, c);
        String filtered = VirtualScreens.paint(s, cols, rows);
        assertTrue(filtered.contains("filter: /sysctl-f_"), filtered);
        assertTrue(filtered.contains("> sysctl-forbidden"), filtered);
        assertTrue(!filtered.contains("failing-probes"), "the filter hides the others:\n" + filtered);
        keys.handle(s, new KeyStroke(KeyType.Escape));
        assertTrue(VirtualScreens.paint(s, cols, rows).contains("failing-probes"), "Esc clears the filter");
        press(keys, s, 'q');
        assertTrue(s.quit, "q quits when no session runs");

        TuiState run = session(3);
        run.shown = 0;
        run.follow = false;
        press(keys, run, 'j', 'j');
        assertEquals(2, run.shown);
        press(keys, run, 'g');
        assertEquals(0, run.shown);
        press(keys, run, '/');
        for (char c : "lxc2".toCharArray()) press(keys, run, c);
        keys.handle(run, new KeyStroke(KeyType.Enter));
        assertEquals(2, run.shown, "the filter moves to the step it keeps");
        String steps = VirtualScreens.paint(run, cols, rows);
        assertTrue(steps.contains("Steps /lxc2") && !steps.contains("[lxc0a1b2c3d4e5f6]"), steps);
        keys.handle(run, new KeyStroke(KeyType.Escape));
        assertTrue(VirtualScreens.paint(run, cols, rows).contains("[lxc0a1b2c3d4e5f6]"), "Esc shows every step again");

        // q while a session runs asks first; n and Esc let it go on, y stops it
        press(keys, run, 'q');
        assertTrue(run.confirmQuit && !run.quit);
        assertTrue(VirtualScreens.paint(run, cols, rows).contains("A session is running. Stop it and quit?"));
        press(keys, run, 'n');
        assertTrue(!run.confirmQuit && !run.quit && actions.isEmpty(), actions.toString());
        press(keys, run, 'q');
        keys.handle(run, new KeyStroke(KeyType.Escape));
        assertTrue(!run.confirmQuit && actions.isEmpty());
        press(keys, run, 'q', 'y');
        assertEquals(List.of("stop"), actions);
        assertTrue(run.quitWhenEnded && !run.quit, "quits once the stopped session has closed its transcript");
        run.ended(new FinishedSession(new SessionResult("martian-source", Outcome.INTERRUPTED, List.of(), List.of(), "stopped"), Path.of("/tmp/t.jsonl")));
        assertTrue(run.quit);
    }
}
