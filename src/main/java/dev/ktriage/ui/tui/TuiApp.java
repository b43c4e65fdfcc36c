package dev.ktriage.ui.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.ktriage.engine.AccessPreflight;
import dev.ktriage.ui.AskingOperator;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.ui.ClusterChoices;
import dev.ktriage.ui.SessionLauncher.FinishedSession;
import dev.ktriage.ui.Suggestion;
import dev.ktriage.ui.Workspace;
import dev.ktriage.ui.batch.TextReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The full-screen TUI. The calling thread is the GUI thread: it owns the screen and the state,
 * reads keys, applies what the engine posted, and repaints. Sessions and triage run on a
 * background thread and talk to it only through {@link GuiQueue}.
 */
public final class TuiApp implements KeyHandler.Actions {

    private static final long TICK_MS = 25;
    private static final long SPIN_MS = 120;
    /** How long the form waits for the cluster's offers before it says there are none. */
    static final Duration CHOICES_WAIT = Duration.ofSeconds(5);

    private final Workspace workspace;
    private final GuiQueue gui = new GuiQueue();
    private final TuiState state;
    private final KeyHandler keys;
    private ClusterChoices choices;
    private int choicesForm = -1;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ktriage-session");
        t.setDaemon(true); // a session blocked on the network must not keep the process alive after q
        return t;
    });

    /** How long q or Ctrl-C waits for a stopped session to close its transcript before it quits anyway. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** The session on the background thread: who to tell to stop, and the thread to interrupt. */
    private record Running(AskingOperator operator, StepGate gate, Future<?> task) {
    }

    private volatile Running running;
    private long stopAskedAt;
    private final List<FinishedSession> ended = new CopyOnWriteArrayList<>();

    private TuiApp(Workspace workspace, boolean stepThrough) {
        this.workspace = workspace;
        this.state = new TuiState(workspace.where());
        this.state.stepThrough = stepThrough;
        this.keys = new KeyHandler(workspace.catalog(), this);
    }

    /**
     * Runs on the process's terminal until the operator quits. Forces Lanterna's text terminal:
     * without it Lanterna may open a Swing window when DISPLAY is set. Call only with a console.
     */
    public static List<FinishedSession> runOnConsole(Workspace workspace, boolean stepThrough) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultTerminalFactory factory = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8);
        factory.setForceTextTerminal(true);
        // Ctrl-C arrives as a key, so that it stops the session and closes its transcript before quitting
        factory.setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP);
        try (Terminal terminal = factory.createTerminal()) {
            return run(workspace, terminal, stepThrough);
        }
    }

    /** Runs on any Lanterna terminal (tests pass a virtual one). */
    static List<FinishedSession> run(Workspace workspace, Terminal terminal) throws IOException {
        return run(workspace, terminal, false);
    }

    /**
     * @param stepThrough start with step-through on: each session pauses before each step
     * @return the sessions that ended, in order, each with its transcript
     */
    static List<FinishedSession> run(Workspace workspace, Terminal terminal, boolean stepThrough) throws IOException {
        TuiApp app = new TuiApp(workspace, stepThrough);
        app.loop(new TerminalScreen(terminal));
        return List.copyOf(app.ended);
    }

    private void loop(Screen screen) throws IOException {
        screen.startScreen();
        screen.setCursorPosition(null);
        try {
            state.playbooks(List.copyOf(workspace.catalog().all()));
            scanTriage();
            if (workspace.preset() != null) {
                workspace.catalog().find(workspace.preset().playbook()).ifPresent(p -> state.openForm(p, workspace.preset().inputs()));
            }
            boolean dirty = true;
            long lastSpin = System.currentTimeMillis();
            while (!state.quit) {
                dirty |= gui.drainInto(state);
                TerminalSize resized = screen.doResizeIfNecessary();
                if (resized != null) {
                    screen.clear();
                    dirty = true;
                }
                for (KeyStroke k; !state.quit && (k = screen.pollInput()) != null; ) {
                    keys.handle(state, k);
                    dirty = true;
                }
                if (state.mode == TuiState.Mode.INPUTS) askForChoices();
                if (state.stopping && state.quitWhenEnded && System.nanoTime() - stopAskedAt > STOP_WAIT.toNanos()) {
                    state.quit = true; // the session did not wind down in time: its transcript has no end record
                }
                long now = System.currentTimeMillis();
                if (ScreenPainter.animated(state) && now - lastSpin >= SPIN_MS) {
                    state.spinner++;
                    lastSpin = now;
                    dirty = true;
                }
                if (dirty) {
                    paint(screen);
                    dirty = false;
                }
                sleep();
            }
        } finally {
            if (state.question != null) state.question.reply().cancel(false);
            background.shutdownNow();
            screen.stopScreen();
        }
    }

    private void paint(Screen screen) throws IOException {
        screen.clear();
        TerminalSize size = screen.getTerminalSize();
        ScreenPainter.paint(state, new Canvas(screen.newTextGraphics(), size.getColumns(), size.getRows()));
        screen.refresh();
    }

    private void scanTriage() {
        state.triageRunning = true;
        background.submit(() -> {
            List<Suggestion> found;
            try {
                found = workspace.triage().get();
            } catch (RuntimeException e) {
                gui.post(s -> {
                    s.triageRunning = false;
                    s.notice = "triage failed: " + e.getMessage();
                });
                return;
            }
            gui.post(s -> s.suggestions(found, id -> workspace.catalog().find(id).map(Playbook::title).orElse("?")));
        });
    }

    /**
     * Reads what the cluster offers for the focused field when what it needs changed (a new form,
     * another field, a pod input's namespace typed), off the GUI thread and within {@link #CHOICES_WAIT}.
     */
    private void askForChoices() {
        if (state.fields.isEmpty()) return;
        if (choicesForm != state.forms) {
            choices = new ClusterChoices(workspace.cluster()); // a form opened later sees the cluster as it is then
            choicesForm = state.forms;
        }
        InputField f = state.fields.get(state.field);
        String key = ClusterChoices.keyFor(f.input, f.value.toString());
        if (key == null || key.equals(f.choicesKey)) return;
        f.asking(key);
        choices.forInput(f.input, f.value.toString(), background, CHOICES_WAIT)
                .thenAccept(read -> gui.post(s -> f.choicesRead(key, read)));
    }

    /**
     * Preflight, then the session, on one background thread: as {@code ktriage run} does, the
     * operator learns first which steps these credentials leave inconclusive.
     */
    @Override
    public void start(Playbook playbook, Map<String, String> inputs) {
        state.sessionStarted();
        int session = state.sessions;
        AskingOperator operator = new TuiOperator(gui);
        StepGate gate = new StepGate(state.stepThrough);
        TuiListener listener = new TuiListener(gui, gate);
        Future<?> task = background.submit(() -> {
            preflight(session, playbook, inputs);
            try {
                FinishedSession done = workspace.sessions().run(playbook.id(), inputs, operator, listener);
                ended.add(done);
                gui.post(s -> s.ended(done));
            } catch (RuntimeException e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                gui.post(s -> s.failed("session failed: " + msg));
            } finally {
                Thread.interrupted(); // a stop's interrupt ends with the session, not in the pool's next task
            }
        });
        running = new Running(operator, gate, task);
    }

    /**
     * No further step: the operator's stop is seen between steps, a pause or a question waiting is
     * let go, and a gather running is interrupted (the gateways answer that as a failed read). The
     * session then ends interrupted and its transcript gets the end record.
     */
    @Override
    public void stop() {
        Running r = running;
        if (r == null || !state.running()) return;
        r.operator().stop();
        r.gate().close();
        Question q = state.question;
        state.question = null;
        if (q != null) q.reply().cancel(false);
        r.task().cancel(true);
        state.stopping = true;
        stopAskedAt = System.nanoTime();
        state.notice = "stopping the session: its transcript gets the end record";
    }

    @Override
    public void pauseBeforeEachStep(boolean on) {
        Running r = running;
        if (r != null) r.gate().pauseBeforeEachStep(on);
    }

    @Override
    public void nextStep() {
        Running r = running;
        if (r != null) r.gate().next();
    }

    /** A preflight that breaks says so and lets the session run: its steps will tell for themselves. */
    private void preflight(int session, Playbook playbook, Map<String, String> inputs) {
        List<AccessPreflight.Gap> gaps;
        try {
            gaps = workspace.preflight(playbook, inputs);
        } catch (RuntimeException e) {
            gui.post(s -> {
                if (s.sessions != session) return;
                s.preflight(session, List.of());
                s.notice = "preflight failed: " + e.getMessage();
            });
            return;
        }
        gui.post(s -> s.preflight(session, gaps));
    }

    @Override
    public void saveReport() {
        FinishedSession f = state.finished;
        if (f == null) return;
        Path report = reportPath(f.transcript());
        try {
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, TextReport.render(f.result(), f.transcript(), f.info()));
            state.report = report.toString();
            state.notice = "report written: " + report;
        } catch (IOException | UncheckedIOException e) {
            state.notice = "cannot write the report: " + e.getMessage();
        }
    }

    @Override
    public void verify() {
        FinishedSession f = state.finished;
        if (f == null || state.verifying) return;
        if (f.result().diagnoses().isEmpty()) {
            state.notice = "nothing to verify: the session named no diagnosis";
            return;
        }
        state.verifying = true;
        state.notice = "verifying: re-reading the facts the diagnosis rests on...";
        background.submit(() -> {
            try {
                var v = workspace.verify(f.transcript());
                gui.post(s -> {
                    if (s.finished != f) return;
                    s.verifying = false;
                    s.verified = v;
                    s.endScroll = 0;
                    s.notice = "verify: " + v.round().verdict().wireName();
                });
            } catch (RuntimeException e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                gui.post(s -> {
                    s.verifying = false;
                    s.notice = "cannot verify: " + msg;
                });
            }
        });
    }

    /** Beside the transcript, so the two travel together into the ticket. */
    static Path reportPath(Path transcript) {
        String name = transcript.getFileName().toString().replaceFirst("\\.jsonl$", "");
        return transcript.resolveSibling(name + ".md");
    }

    private static void sleep() {
        try {
            Thread.sleep(TICK_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
