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
        int left = stepsWidth(s, c.cols);
        paintSteps(s, c, body, left);
        for (int r = body.top(); r < body.bottom(); r++) c.text(left, r, "|", Style.DIM);
        int x = left + 2;
        int width = c.cols - x;
        int bottom = body.bottom();
        if (s.question != null) bottom = paintQuestion(s, c, x, width, body);
        StepView step = s.shownStep();
        if (step == null) {
            c.text(x, body.top(), s.steps.isEmpty() ? "starting..." : "no step matches the filter", Style.DIM);
            return;
        }
        // What the step found is never cut: it gets its rows first, the explanation what is left
        // (at least two rows), the evidence the rest.
        List<String> title = Canvas.wrap(step.title, width);
        List<String> command = step.command == null ? List.of() : Canvas.wrap("$ " + step.command, width);
        List<String> says = step.says.isBlank() ? List.of() : Canvas.wrap("=> " + step.says.strip(), width);
        int rows = bottom - body.top();
        int explainRows = Math.max(2, Math.min((rows) / 3, rows - title.size() - Math.min(3, command.size()) - says.size() - 3));
        int row = body.top();
        row = lines(c, x, row, title, 2, Style.BOLD);
        row = lines(c, x, row, Canvas.wrap(step.explain, width), explainRows, Style.NORMAL);
        row = lines(c, x, row, command, 3, Style.COMMAND);
        if (step.access != null) row = access(step, c, x, width, row);
        row = lines(c, x, row, says, Math.max(1, bottom - row), step.mark == StepView.Mark.INCONCLUSIVE ? Style.WARN : Style.GOOD);
        if (row < bottom) paintEvidence(step, c, x, width, row, bottom);
    }

    /**
     * The steps pane: a third of an 80-column screen, as before; on a wide one as wide as the
     * titles need, up to two fifths. A title longer than the pane wraps onto more rows, never cut.
     */
    static int stepsWidth(TuiState s, int cols) {
        int need = 16;
        for (StepView st : s.steps) need = Math.max(need, st.title.length() + 6);
        int max = cols >= 120 ? cols * 2 / 5 : Math.min(30, cols / 3);
        return Math.min(need, max);
    }

    private static void paintSteps(TuiState s, Canvas c, Body body, int width) {
        String head = s.filtering || s.filter.length() > 0 ? "Steps /" + s.filter + (s.filtering ? "_" : "") : "Steps";
        c.text(0, body.top(), head, Style.BOLD, width - 1);
        List<Integer> kept = s.shownSteps();
        List<String> labels = labels(s.steps);
        int textWidth = width - 1 - 4; // after the mark
        List<List<String>> rows = new ArrayList<>();
        for (int i : kept) rows.add(Canvas.wrap(labels.get(i), textWidth));
        // the first step drawn: far enough down that the chosen one is whole on screen
        int visible = body.height() - 1;
        int at = Math.max(0, kept.indexOf(s.shown));
        int first = at;
        for (int used = rows.isEmpty() ? 0 : rows.get(at).size(); first > 0 && used + rows.get(first - 1).size() <= visible; first--) {
            used += rows.get(first - 1).size();
        }
        int row = body.top() + 1;
        for (int k = first; k < kept.size() && row < body.bottom(); k++) {
            int i = kept.get(k);
            StepView st = s.steps.get(i);
            Style style = i == s.shown ? Style.SELECTED : Style.NORMAL;
            List<String> lines = rows.get(k);
            for (int l = 0; l < lines.size() && row < body.bottom(); l++, row++) {
                c.text(0, row, (l == 0 ? st.markText() : "    ") + lines.get(l), style, width - 1);
            }
        }
        if (kept.isEmpty() && !s.steps.isEmpty()) c.text(0, body.top() + 1, "(none match)", Style.DIM, width - 1);
    }

    /**
     * Each step's label, no two alike: steps with the same title (one step walked for several
     * items, or two playbooks' steps) carry what tells them apart (the items, else the id).
     */
    static List<String> labels(List<StepView> steps) {
        List<String> out = new ArrayList<>();
        for (StepView st : steps) {
            boolean twin = steps.stream().anyMatch(o -> o != st && o.title.equals(st.title));
            out.add(twin ? st.title + " " + tellApart(st.id) : st.title);
        }
        for (int i = 0; i < out.size(); i++) {
            for (int j = i + 1; j < out.size(); j++) {
                if (out.get(j).equals(out.get(i))) out.set(j, out.get(j) + " #" + (j + 1));
            }
        }
        return out;
    }

    /** What tells a step apart from another with its title: the items it was walked for, else its id. */
    private static String tellApart(String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[([^\\]]*)]").matcher(id);
        List<String> items = new ArrayList<>();
        while (m.find()) items.add(m.group(1));
        return items.isEmpty() ? "(" + id + ")" : "[" + String.join(", ", items) + "]";
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
