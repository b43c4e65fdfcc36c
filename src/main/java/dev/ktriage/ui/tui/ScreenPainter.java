package dev.ktriage.ui.tui;

import dev.ktriage.engine.Conclusion;
import dev.ktriage.engine.Outcome;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.ui.tui.Canvas.Style;

/**
 * Draws the whole screen from the state: a title bar, the view of the current mode, a notice line,
 * the keys that work here, and the status line. Pure drawing, no decisions: tests paint a state on
 * Lanterna's virtual terminal and read the characters back.
 */
final class ScreenPainter {

    static final int MIN_COLS = 40;
    static final int MIN_ROWS = 12;
    private static final String SPINNER = "|/-\\";

    private ScreenPainter() {
    }

    static void paint(TuiState s, Canvas c) {
        if (c.cols < MIN_COLS || c.rows < MIN_ROWS) {
            c.text(0, 0, "too small: " + c.cols + "x" + c.rows, Style.WARN);
            c.text(0, 1, "need " + MIN_COLS + "x" + MIN_ROWS, Style.NORMAL);
            c.text(0, 2, "q quits", Style.NORMAL);
            return;
        }
        c.text(0, 0, " ktriage  " + title(s), Style.BAR);
        Body body = new Body(1, c.rows - 4);
        if (s.help) HelpView.paint(c, body);
        else switch (s.mode) {
            case START -> StartView.paint(s, c, body);
            case INPUTS -> InputView.paint(s, c, body);
            case SESSION -> SessionView.paint(s, c, body);
            case END -> EndView.paint(s, c, body);
        }
        if (!s.notice.isBlank()) c.text(0, c.rows - 3, s.notice, Style.WARN);
        c.text(0, c.rows - 2, keys(s), Style.DIM);
        c.text(0, c.rows - 1, status(s), Style.BAR);
    }

    /** The rows a view may use. */
    record Body(int top, int height) {
        int bottom() {
            return top + height; // exclusive
        }
    }

    private static String title(TuiState s) {
        return switch (s.mode) {
            case START -> "- what is wrong?";
            case INPUTS, SESSION -> "- " + s.playbook.id() + ": " + s.playbook.title();
            case END -> "- " + s.playbook.id() + ": " + (s.finished == null ? "ended" : ended(s.finished.result()));
        };
    }

    /** How a session ended, in a few words: diagnosed, healthy, inconclusive: could not tell, interrupted, error. */
    static String ended(SessionResult r) {
        if (r.conclusion() == Conclusion.HEALTHY) return "healthy";
        if (r.outcome() == Outcome.INCONCLUSIVE) return "inconclusive: could not tell";
        return r.outcome().wireName();
    }

    /** The keys that work here; each line fits in 80 columns. */
    static String keys(TuiState s) {
        if (s.confirmQuit) return "y: stop the session and quit  n/Esc: let it go on";
        if (s.help) return "any key: back";
        if (s.filtering) return "type to filter  Up/Down: move  Enter: keep the filter  Esc: clear it";
        return switch (s.mode) {
            case START -> "j/k Up/Down: choose  /: filter  Enter: open  ?: help  q: quit";
            case INPUTS -> inputKeys(s);
            case SESSION -> s.question != null
                    ? (s.question.freeText() ? "type the answer  Enter: answer  PgUp/PgDn: evidence" : "Left/Right: choose  Enter: answer  PgUp/PgDn: evidence")
                    : s.finished != null ? "j/k: steps  /: filter  PgUp/PgDn: evidence  Esc: back to the diagnosis"
                    : s.paused != null ? "space/n: run this step  c: run to the end  x: stop  j/k: steps  q: quit"
                    : "j/k: steps  /: filter  PgUp/PgDn: evidence  p: pause  x: stop  ?: help  q: quit";
            case END -> "m: report  v: verify  s: steps  j/k/PgDn: scroll  n/Esc: new  ?: help  q: quit";
        };
    }

    private static String inputKeys(TuiState s) {
        InputField f = s.fields.isEmpty() ? null : s.fields.get(s.field);
        if (f != null && f.pick >= 0) return "Up/Down: pick  Enter: take it  Esc: back to typing  Tab: next field";
        if (f != null && !f.matches().isEmpty()) return "type to filter  Down: pick  Tab: next field  Enter: start  F1: help";
        return "type the inputs  Tab/Up/Down: move  Enter: start  Esc: back  F1: help";
    }

    static String status(TuiState s) {
        String running;
        if (s.mode == TuiState.Mode.SESSION && s.stopping) running = "stopping: the session closes its transcript";
        else if (s.mode == TuiState.Mode.SESSION && s.paused != null) {
            StepView step = s.steps.isEmpty() ? null : s.steps.get(s.steps.size() - 1);
            running = "paused before: " + (step == null ? s.paused : step.title);
        } else if (s.mode == TuiState.Mode.SESSION && s.question != null) running = "waiting for your answer";
        else if (s.mode == TuiState.Mode.SESSION && s.finished == null) {
            StepView step = s.steps.isEmpty() ? null : s.steps.get(s.steps.size() - 1);
            String doing = step == null && s.checkingAccess ? "preflight: checking access"
                    : (s.gathering ? "gathering" + (s.nodesTotal > 0 ? " " + s.nodesDone + "/" + s.nodesTotal + " nodes" : "") + ": "
                    : "deciding: ") + (step == null ? "starting" : step.title);
            running = SPINNER.charAt(s.spinner % SPINNER.length()) + " " + doing;
        } else if (s.triageRunning) running = SPINNER.charAt(s.spinner % SPINNER.length()) + " triage: scanning";
        else if (s.finished != null) running = "session ended: " + ended(s.finished.result());
        else running = "idle";
        return " " + s.where + " | " + running;
    }

    /** Spinner and "what is running" move on their own; everything else changes only on events. */
    static boolean animated(TuiState s) {
        return (s.mode == TuiState.Mode.SESSION && s.finished == null && s.question == null && s.paused == null) || s.triageRunning;
    }
}
