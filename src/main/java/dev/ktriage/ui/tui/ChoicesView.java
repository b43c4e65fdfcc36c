package dev.ktriage.ui.tui;

import dev.ktriage.ui.ClusterChoices.Choices;
import dev.ktriage.ui.tui.Canvas.Style;
import java.util.List;

/**
 * The values the cluster offers for the focused input: a header saying what was read and how many
 * fit what is typed, then a window of them with the highlighted one marked {@code >}. A read that
 * failed shows its one-line reason; typing any value still works.
 */
final class ChoicesView {

    private ChoicesView() {
    }

    /** Paints from {@code row} up to (not including) {@code limit}; returns the next free row. */
    static int paint(InputField f, Canvas c, int col, int row, int limit) {
        if (f.choicesKey == null || row >= limit) return row;
        int width = c.cols - col - 1;
        Choices ch = f.choices;
        if (ch == null) {
            c.text(col, row++, "reading " + f.choicesKey.replace("@", " in ") + " from the cluster...", Style.DIM, width);
            return row;
        }
        if (ch.failed()) {
            for (String line : Canvas.wrap(ch.note(), width)) {
                if (row >= limit) break;
                c.text(col, row++, line, Style.WARN, width);
            }
            if (ch.values().isEmpty()) return row;
        }
        List<String> m = f.matches();
        if (ch.values().isEmpty()) {
            c.text(col, row++, "the cluster lists no " + ch.about() + " (free text is fine)", Style.DIM, width);
            return row;
        }
        if (m.isEmpty()) {
            boolean known = ch.values().contains(f.value.toString().strip());
            c.text(col, row++, known ? "= one of the " + ch.values().size() + " " + ch.about() + " listed"
                    : "no match among " + ch.values().size() + " " + ch.about() + " (free text is fine)", Style.DIM, width);
            return row;
        }
        int rows = Math.max(1, limit - row - 1);
        int first = f.pick < rows ? 0 : f.pick - rows + 1;
        String more = m.size() > rows ? ", PgUp/PgDn" : "";
        c.text(col, row++, m.size() + " of " + ch.values().size() + " " + ch.about() + ": Up/Down" + more + ", Enter takes it", Style.DIM, width);
        for (int i = first; i < m.size() && row < limit; i++) {
            boolean sel = i == f.pick;
            c.text(col, row++, (sel ? "> " : "  ") + m.get(i), sel ? Style.SELECTED : Style.NORMAL, width);
        }
        return row;
    }
}
