package dev.ktriage.ui.repl;

import dev.ktriage.engine.Conclusion;
import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.Outcome;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.ui.AskingOperator;
import dev.ktriage.ui.EvidenceText;
import dev.ktriage.ui.SessionLauncher.FinishedSession;
import dev.ktriage.ui.Workspace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * A session the operator walks step by step from the prompt. The engine runs on its own thread and
 * waits before each step after the first until the operator says {@code next} (or {@code continue}
 * to run to the end), and on a question until {@code answer}. What happens is printed as it happens.
 */
final class SteppedSession extends AskingOperator implements SessionListener {

    /** A question the engine waits on. */
    record Pending(String id, String text, List<String> choices, CompletableFuture<String> reply) {
    }

    final String playbook;
    final List<ReplStep> steps = new CopyOnWriteArrayList<>();
    private final Consumer<String> print;
    private final Semaphore go = new Semaphore(0);
    private volatile boolean stepping = true;
    private volatile boolean paused;
    private volatile Pending pending;
    private volatile Thread thread;
    private volatile FinishedSession finished;
    /** The session's transcript while it is open: the operator's get and ssh are recorded there too. */
    private volatile SessionListener transcript;
    private volatile String failure;

    private SteppedSession(String playbook, Consumer<String> print) {
        this.playbook = playbook;
        this.print = print;
    }

    static SteppedSession start(Workspace ws, String playbook, Map<String, String> inputs, Consumer<String> print) {
        SteppedSession s = new SteppedSession(playbook, print);
        Thread t = new Thread(() -> {
            try {
                s.finished = ws.sessions().run(playbook, inputs, s, s);
                s.transcript = null;
                s.print.accept(s.endLine());
            } catch (RuntimeException e) {
                s.transcript = null;
                s.failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                s.print.accept("session failed: " + s.failure);
            }
        }, "ktriage-session");
        t.setDaemon(true);
        s.thread = t;
        t.start();
        return s;
    }

    /**
     * Ctrl-C while a step gathers: {@link #abort()}. The gateways answer an interrupted call as a
     * failure, so the step is inconclusive ("interrupted") and the session ends interrupted, with
     * everything so far in the transcript. False when nothing is gathering.
     */
    boolean cancelGather() {
        if (!running() || paused || pending != null) return false;
        return abort();
    }

    boolean running() {
        return finished == null && failure == null;
    }

    FinishedSession finished() {
        return finished;
    }

    Pending pending() {
        return pending;
    }

    boolean paused() {
        return paused;
    }

    /** Lets the engine take the next step; false when it is not waiting for one. */
    boolean next() {
        if (!paused) return false;
        paused = false;
        go.release();
        return true;
    }

    void runToEnd() {
        stepping = false;
        next();
    }

    boolean answer(String value) {
        Pending p = pending;
        if (p == null) return false;
        if (!p.choices().isEmpty() && !p.choices().contains(value)) {
            print.accept("not one of: " + String.join(", ", p.choices()));
            return true;
        }
        pending = null;
        p.reply().complete(value);
        return true;
    }

    /**
     * {@code abort}: the session takes no further step and ends {@code interrupted}, its transcript
     * closed with an end record. A question waiting is left unanswered, a gather running is
     * interrupted (its step inconclusive). False when no session is running.
     */
    boolean abort() {
        if (!running()) return false;
        boolean gathering = !paused && pending == null;
        stop();
        stepping = false;
        Pending p = pending;
        pending = null;
        if (p != null) p.reply().cancel(false);
        if (paused) next();
        else if (gathering) thread.interrupt();
        return true;
    }

    /** Leaving the REPL: unblock the engine so its thread ends (inconclusive, the question unanswered). */
    void abandon() {
        Pending p = pending;
        if (p != null) p.reply().cancel(false);
        stepping = false;
        go.release();
    }

    private String endLine() {
        if (finished.result().outcome() == Outcome.INTERRUPTED) {
            return "session ended: interrupted (" + finished.result().reason() + "; transcript: " + finished.transcript() + ")";
        }
        if (finished.result().conclusion() == Conclusion.HEALTHY) return "session ended: healthy" + reasonSuffix();
        if (finished.result().diagnoses().isEmpty()) return "session ended: no diagnosis, could not tell" + reasonSuffix();
        return "session ended: diagnosed " + String.join(", ", finished.result().diagnoses().stream().map(Diagnosis::id).toList())
                + " (report: print it; save: write it; transcript: " + finished.transcript() + ")";
    }

    private String reasonSuffix() {
        return finished.result().reason() == null ? "" : " (" + finished.result().reason() + ")";
    }

    @Override
    public void recordingTo(SessionListener transcript) {
        this.transcript = transcript;
    }

    /**
     * A read the operator made (get, ssh) goes into the running session's transcript, under
     * {@link SessionListener#OPERATOR_STEP}; false when there is no open transcript to take it.
     */
    boolean record(Consumer<SessionListener> read) {
        SessionListener t = transcript;
        if (t == null || !running()) return false;
        try {
            read.accept(t);
            return true;
        } catch (java.io.UncheckedIOException closed) {
            return false; // the session ended while the read ran: its transcript is already closed
        }
    }

    @Override
    public void stepStarted(String stepId, String title, String explain, String command) {
        if (stepping && !steps.isEmpty()) {
            paused = true;
            print.accept("  (next: run '" + title + "'; continue: run to the end)");
            go.acquireUninterruptibly();
            if (stopRequested()) return; // abort ended the wait: the step does not run
        }
        steps.add(new ReplStep(stepId, title, explain, command));
        print.accept("[" + steps.size() + "] " + title + "  (" + stepId + ")" + (command == null ? "" : "\n    $ " + command));
    }

    @Override
    public void clusterExchange(String stepId, ClusterRequest request, ClusterAnswer answer) {
        evidence(EvidenceText.of(answer));
    }

    @Override
    public void nodeExchange(String stepId, NodeCommand command, NodeAnswer answer) {
        evidence(EvidenceText.of(answer));
    }

    private void evidence(String text) {
        if (!steps.isEmpty()) text.lines().forEach(steps.get(steps.size() - 1).evidence::add);
    }

    @Override
    public void stepFinished(StepRecord r) {
        if (steps.isEmpty() || !steps.get(steps.size() - 1).id.equals(r.id())) return; // a step abort kept from running
        steps.get(steps.size() - 1).record = r;
        StringBuilder b = new StringBuilder();
        if (r.reason() != null) b.append("    ? inconclusive: ").append(r.reason());
        for (String q : r.quotes()) b.append(b.length() == 0 ? "" : "\n").append("    | ").append(q.strip());
        if (!r.says().isBlank()) b.append(b.length() == 0 ? "" : "\n").append("    => ").append(r.says().strip());
        if (b.length() > 0) print.accept(b.toString());
    }

    @Override
    public void handedOff(String fromPlaybook, String toPlaybook, Map<String, String> inputs) {
        print.accept("== handing off from " + fromPlaybook + " to " + toPlaybook + " " + inputs);
    }

    @Override
    public void diagnosed(Diagnosis d) {
        print.accept("    !! diagnosis: " + d.id() + " - " + d.title());
    }

    @Override
    protected void show(String id, String text, List<String> choices, CompletableFuture<String> reply) {
        pending = new Pending(id, text, choices, reply);
        print.accept("? " + text + (choices.isEmpty() ? "" : "  [" + String.join(" | ", choices) + "]") + "\n  (answer VALUE)");
    }
}
