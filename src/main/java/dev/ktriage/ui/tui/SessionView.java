package dev.ktriage.ui.tui;

import dev.ktriage.gateway.AccessVerdict;
import dev.ktriage.ui.tui.Canvas.Style;
import dev.ktriage.ui.tui.ScreenPainter.Body;
import java.util.ArrayList;
import java.util.List;

/**
 * A session as it runs: the steps with their marks on the left; on the right the chosen step's
 * explanation, its equivalent command, what it found, its evidence (scrollable, quoted lines
 * marked), and the question when the engine asks one.
 */
final class SessionView {

    private SessionView() {
    }

    static void paint(TuiState s, Canvas c, Body body) {
        int left = Math.min(30, c.cols / 3);
        paintSteps(s, c, body, left);
        for (int r = body.top(); r < body.bottom(); r++) c.text(left, r, "|", Style.DIM);
        int x = left + 2;
        int width = c.cols - x;
        int bottom = body.bottom();
        if (s.question != null) bottom = paintQuestion(s, c, x, width, body);
        StepView step = s.shownStep();
        if (step == null) {
            c.text(x, body.top(), "starting...", Style.DIM);
            return;
        }
        int row = body.top();
        c.text(x, row++, step.title, Style.BOLD);
        row = lines(c, x, row, Canvas.wrap(step.explain, width), Math.max(2, (bottom - body.top()) / 3), Style.NORMAL);
        if (step.command != null) row = lines(c, x, row, Canvas.wrap("$ " + step.command, width), 3, Style.COMMAND);
        if (step.access != null) row = access(step, c, x, width, row);
        if (!step.says.isBlank()) {
            row = lines(c, x, row, Canvas.wrap("=> " + step.says.strip(), width), 3,
                    step.mark == StepView.Mark.INCONCLUSIVE ? Style.WARN : Style.GOOD);
        }
        if (row < bottom) paintEvidence(step, c, x, width, row, bottom);
    }

    private static void paintSteps(TuiState s, Canvas c, Body body, int width) {
        c.text(0, body.top(), "Steps", Style.BOLD);
        int visible = body.height() - 1;
        int first = Math.max(0, s.shown - visible + 1);
        for (int i = first, row = body.top() + 1; i < s.steps.size() && row < body.bottom(); i++, row++) {
            StepView st = s.steps.get(i);
            boolean sel = i == s.shown;
            c.text(0, row, st.markText() + st.title, sel ? Style.SELECTED : Style.NORMAL, width - 1);
        }
    }

    private static void paintEvidence(StepView step, Canvas c, int x, int width, int top, int bottom) {
        int height = bottom - top - 1;
        List<String> shown = new ArrayList<>();
        List<Boolean> marked = new ArrayList<>();
        for (int i = 0; i < step.evidence.size(); i++) {
            if (i == step.jumpTo) step.scroll = Math.max(0, shown.size() - 1);
            boolean match = step.matched.contains(i);
            for (String part : Canvas.wrap(step.evidence.get(i), width - 2)) {
                shown.add((match ? "> " : "  ") + part);
                marked.add(match);
            }
        }
        step.jumpTo = -1;
        int n = shown.size();
        step.scroll = Math.max(0, Math.min(step.scroll, n - height));
        String range = n == 0 ? "none yet" : (step.scroll + 1) + "-" + Math.min(n, step.scroll + height) + " of " + n;
        c.text(x, top, rule("-- evidence " + range + (n > height ? " (PgUp/PgDn) " : " "), width), Style.DIM, width);
        for (int i = 0; i < height && step.scroll + i < n; i++) {
            int idx = step.scroll + i;
            c.text(x, top + 1 + i, shown.get(idx), marked.get(idx) ? Style.MATCH : Style.NORMAL, width);
        }
    }

    /** Draws the question at the bottom of the right pane; returns the first row it uses. */
    private static int paintQuestion(TuiState s, Canvas c, int x, int width, Body body) {
        Question q = s.question;
        List<String> text = Canvas.wrap(q.text(), width);
        int lines = Math.min(3, text.size());
        int top = body.bottom() - lines - 2;
        c.text(x, top, rule("-- question: " + q.id() + " ", width), Style.WARN, width);
        for (int i = 0; i < lines; i++) c.text(x, top + 1 + i, text.get(i), Style.BOLD);
        int row = top + 1 + lines;
        if (q.freeText()) {
            c.text(x, row, "answer: " + s.typed + "_", Style.SELECTED, width);
        } else {
            int col = x;
            for (int i = 0; i < q.choices().size(); i++) {
                String label = (i == s.choice ? "[" : " ") + (i + 1) + " " + q.choices().get(i) + (i == s.choice ? "]" : " ");
                c.text(col, row, label, i == s.choice ? Style.SELECTED : Style.NORMAL, Math.max(0, c.cols - col));
                col += label.length() + 1;
            }
        }
        return top;
    }

    /** What the preflight found: the missing verb on the resource, and how to ask the cluster the same. */
    private static int access(StepView step, Canvas c, int x, int width, int row) {
        AccessVerdict v = step.access.verdict();
        String what = (v.denied() ? "* preflight: not allowed to " : "* preflight: could not check ") + v.check().describe()
                + (v.reason() == null || v.reason().isBlank() ? "" : " (" + v.reason() + ")");
        row = lines(c, x, row, Canvas.wrap(what, width), 2, Style.WARN);
        return lines(c, x, row, Canvas.wrap("$ " + v.check().kubectl(), width), 2, Style.COMMAND);
    }

    private static String rule(String head, int width) {
        return head + "-".repeat(Math.max(0, width - head.length()));
    }

    private static int lines(Canvas c, int x, int row, List<String> text, int max, Style style) {
        for (int i = 0; i < Math.min(max, text.size()); i++) c.text(x, row++, text.get(i), style);
        return row;
    }
}
