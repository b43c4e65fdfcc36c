package dev.ktriage.ui.tui;

import dev.ktriage.engine.AccessPreflight;
import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.Outcome;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.engine.StepStatus;
import dev.ktriage.playbook.Input;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.ui.SessionLauncher.FinishedSession;
import dev.ktriage.ui.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the screen shows, in one place: the views read it, keys and engine events change it.
 * Touched only on the GUI thread, so it needs no locks.
 */
final class TuiState {

    enum Mode { START, INPUTS, SESSION, END }

    /** A line of the start list: a triage suggestion or a playbook. */
    record Entry(String playbook, String title, String symptom, Map<String, String> inputs) {
        boolean suggested() {
            return symptom != null;
        }
    }

    final String where;
    Mode mode = Mode.START;
    boolean help;
    boolean quit;
    /** One line for the operator: what just happened or what went wrong. */
    String notice = "";

    final List<Entry> entries = new ArrayList<>();
    int selected;
    boolean triageRunning;

    Playbook playbook;
    final List<InputField> fields = new ArrayList<>();
    int field;
    /** Counts the forms opened, so offers read for an earlier one are read afresh. */
    int forms;

    /** Counts the sessions started, so a late preflight answer never lands on a later session. */
    int sessions;
    /** The reads the preflight found these credentials may not make, for this session. */
    final List<AccessPreflight.Gap> gaps = new ArrayList<>();
    /** The preflight runs (before the first step). */
    boolean checkingAccess;
    final List<StepView> steps = new ArrayList<>();
    /** The step the right pane shows; follows the newest step unless the operator picked another. */
    int shown = -1;
    boolean follow = true;
    boolean gathering;
    /** A fan-out step's progress: nodes answered so far of how many (total 0: not a fan-out). */
    int nodesDone;
    int nodesTotal;
    int spinner;
    Question question;
    int choice;
    final StringBuilder typed = new StringBuilder();

    /** Step-through is on: the engine waits before each step until space or n. */
    boolean stepThrough;
    /** The step the engine waits before, in step-through; null while it does not wait. */
    String paused;
    /** q was pressed while a session runs: the notice asks whether to stop it. */
    boolean confirmQuit;
    /** The operator stopped the running session; the screen waits for its end record. */
    boolean stopping;
    /** Quit once the stopped session has ended (q confirmed, Ctrl-C). */
    boolean quitWhenEnded;
    /** What {@code /} filters the start list or the steps by; {@link #filtering} while keys go into it. */
    final StringBuilder filter = new StringBuilder();
    boolean filtering;

    final List<Diagnosis> diagnoses = new ArrayList<>();
    FinishedSession finished;
    int endScroll;
    /** Where the Markdown report was written, once it was. */
    String report;
    /** The last verify of the finished session (v on the end screen), or null; {@link #verifying} while one runs. */
    dev.ktriage.ui.Workspace.Verified verified;
    boolean verifying;

    TuiState(String where) {
        this.where = where;
    }

    void playbooks(List<Playbook> all) {
        entries.removeIf(e -> !e.suggested());
        for (Playbook p : all) entries.add(new Entry(p.id(), p.title(), null, Map.of()));
    }

    /** Suggestions go first: they are what triage found on this target. */
    void suggestions(List<Suggestion> found, java.util.function.Function<String, String> titleOf) {
        triageRunning = false;
        entries.removeIf(Entry::suggested);
        List<Entry> s = found.stream().map(x -> new Entry(x.playbook(), titleOf.apply(x.playbook()), x.symptom(), x.inputs())).toList();
        entries.addAll(0, s);
    }

    /** A session runs (or stops): quitting now needs it stopped first. */
    boolean running() {
        return mode == Mode.SESSION && finished == null && sessions > 0;
    }

    void clearFilter() {
        filter.setLength(0);
        filtering = false;
    }

    /** True when {@code text} contains the filter (case does not matter), or there is none. */
    boolean matches(String text) {
        return filter.length() == 0 || text.toLowerCase(java.util.Locale.ROOT).contains(filter.toString().toLowerCase(java.util.Locale.ROOT));
    }

    /** The start list's entries the filter keeps, as indexes into {@link #entries}. */
    List<Integer> shownEntries() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (matches(e.playbook() + " " + e.title() + " " + (e.symptom() == null ? "" : e.symptom()))) out.add(i);
        }
        return out;
    }

    /** The steps the filter keeps, as indexes into {@link #steps}. */
    List<Integer> shownSteps() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) if (matches(steps.get(i).title + " " + steps.get(i).id)) out.add(i);
        return out;
    }

    /**
     * Moves {@code current} by {@code delta} among the {@code kept} indexes (Integer.MIN_VALUE /
     * MAX_VALUE: the first / last); a current index the filter hides goes to the nearest kept one.
     */
    static int move(List<Integer> kept, int current, int delta) {
        if (kept.isEmpty()) return current;
        if (delta == Integer.MIN_VALUE) return kept.get(0);
        if (delta == Integer.MAX_VALUE) return kept.get(kept.size() - 1);
        if (delta == 0) {
            for (int k : kept) if (k >= current) return k;
            return kept.get(kept.size() - 1);
        }
        List<Integer> ahead = delta > 0 ? kept.stream().filter(k -> k > current).toList()
                : kept.stream().filter(k -> k < current).sorted(java.util.Comparator.reverseOrder()).toList();
        if (ahead.isEmpty()) return kept.contains(current) ? current : kept.get(delta > 0 ? kept.size() - 1 : 0);
        return ahead.get(Math.min(ahead.size(), Math.abs(delta)) - 1);
    }

    void pausedBefore(String stepId) {
        paused = stepId;
    }

    void openForm(Playbook p, Map<String, String> given) {
        playbook = p;
        fields.clear();
        for (Input in : p.inputs()) fields.add(new InputField(in, given.get(in.id())));
        field = 0;
        forms++;
        mode = Mode.INPUTS;
        notice = "";
    }

    void sessionStarted() {
        sessions++;
        gaps.clear();
        checkingAccess = true;
        steps.clear();
        diagnoses.clear();
        shown = -1;
        follow = true;
        finished = null;
        question = null;
        endScroll = 0;
        report = null;
        verified = null;
        verifying = false;
        mode = Mode.SESSION;
        notice = "";
        paused = null;
        stopping = false;
        confirmQuit = false;
        clearFilter();
    }

    StepView shownStep() {
        return shown >= 0 && shown < steps.size() ? steps.get(shown) : null;
    }

    void stepStarted(String id, String title, String explain, String command) {
        StepView step = new StepView(id, title, explain, command);
        step.access = gapOf(id);
        steps.add(step);
        gathering = command != null;
        nodesDone = 0;
        nodesTotal = 0;
        if (follow) shown = steps.size() - 1;
    }

    void nodesAnswered(String stepId, int done, int total) {
        StepView last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (last == null || !last.id.equals(stepId)) return;
        // answers arrive on many threads: a late smaller count never moves the progress back
        nodesDone = Math.max(nodesDone, done);
        nodesTotal = total;
    }

    void evidence(String stepId, String text) {
        StepView s = find(stepId);
        if (s != null) s.addEvidence(text);
    }

    void stepFinished(StepRecord r) {
        gathering = false;
        StepView s = find(r.id());
        if (s == null) return;
        s.mark = r.status() == StepStatus.DONE ? StepView.Mark.DONE : StepView.Mark.INCONCLUSIVE;
        s.says = r.status() == StepStatus.DONE ? r.says() : "inconclusive: " + r.reason();
        s.highlight(r.quotes());
    }

    void diagnosed(Diagnosis d) {
        diagnoses.add(d);
        if (!steps.isEmpty()) steps.get(steps.size() - 1).mark = StepView.Mark.DIAGNOSED;
    }

    void asked(Question q) {
        question = q;
        choice = 0;
        typed.setLength(0);
        if (follow && !steps.isEmpty()) shown = steps.size() - 1;
    }

    void ended(FinishedSession f) {
        finished = f;
        gathering = false;
        question = null;
        paused = null;
        confirmQuit = false;
        notice = preflightNotice(); // still true, and the likely reason the session ended where it did
        if (f.result().outcome() == Outcome.INTERRUPTED) {
            for (StepView st : steps) {
                if (st.mark != StepView.Mark.RUNNING) continue;
                st.mark = StepView.Mark.INCONCLUSIVE; // started on screen, stopped before it finished
                st.says = "not finished: the session was stopped";
            }
            notice = "stopped: " + f.result().reason();
        }
        stopping = false;
        if (quitWhenEnded) quit = true;
        clearFilter();
        mode = Mode.END;
        endScroll = 0;
    }

    /** The session could not start or broke off (a bad input, an unknown playbook): back to the form. */
    void failed(String message) {
        gathering = false;
        question = null;
        paused = null;
        stopping = false;
        if (quitWhenEnded) quit = true;
        notice = message;
        mode = playbook == null ? Mode.START : Mode.INPUTS;
    }

    /**
     * The preflight's answer for session number {@code session}: marks the steps it concerns (those
     * shown and those still to come) and says in the notice line what it found.
     */
    void preflight(int session, List<AccessPreflight.Gap> found) {
        if (session != sessions) return;
        checkingAccess = false;
        if (found.isEmpty()) return;
        gaps.addAll(found);
        for (StepView st : steps) st.access = gapOf(st.id);
        notice = preflightNotice();
    }

    /** One line on what the preflight found; empty when it found nothing. */
    String preflightNotice() {
        if (gaps.isEmpty()) return "";
        List<AccessPreflight.Gap> denied = gaps.stream().filter(g -> g.verdict().denied()).toList();
        if (denied.isEmpty()) {
            return "preflight: could not check access for " + gaps.size() + " step(s): " + gaps.get(0).verdict().reason();
        }
        return "preflight: " + denied.size() + " step(s) will be inconclusive (*): not allowed to "
                + denied.get(0).need().check().describe() + (denied.size() > 1 ? ", ..." : "");
    }

    /**
     * Steps of the session's playbook have bare ids, those of a playbook it handed off to carry its
     * id before them ("martian-source/log-martians").
     */
    private AccessPreflight.Gap gapOf(String stepId) {
        for (AccessPreflight.Gap g : gaps) {
            String p = g.need().playbook();
            String st = g.need().step();
            boolean root = playbook != null && p.equals(playbook.id());
            if (root ? stepId.equals(st) : stepId.endsWith(p + "/" + st)) return g;
        }
        return null;
    }

    private StepView find(String id) {
        for (int i = steps.size() - 1; i >= 0; i--) if (steps.get(i).id.equals(id)) return steps.get(i);
        return null;
    }
}
