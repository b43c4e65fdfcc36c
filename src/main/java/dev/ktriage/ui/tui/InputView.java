package dev.ktriage.ui.tui;

import dev.ktriage.ui.tui.Canvas.Style;
import dev.ktriage.ui.tui.ScreenPainter.Body;
import java.util.List;

/** The inputs a playbook needs before it starts; under the focused one, what the cluster offers for it. */
final class InputView {

    /** Where values start: after "> " and a 10-column label. */
    static final int VALUE_COL = 14;

    private InputView() {
    }

    static void paint(TuiState s, Canvas c, Body body) {
        int row = body.top();
        c.text(1, row++, s.playbook.id() + " - " + s.playbook.title(), Style.BOLD);
        List<String> desc = Canvas.wrap(s.playbook.description() == null ? "" : s.playbook.description().strip(), c.cols - 2);
        int descLines = Math.min(s.fields.isEmpty() || body.height() >= 30 ? 4 : 2, desc.size()); // room for the offers
        for (int i = 0; i < descLines; i++) c.text(1, row++, desc.get(i), Style.NORMAL);
        row++;
        if (s.fields.isEmpty()) c.text(1, row++, "This playbook needs no inputs: press Enter to start.", Style.NORMAL);
        int footer = body.bottom() - 1;
        for (int i = 0; i < s.fields.size() && row < footer - 1; i++) {
            InputField f = s.fields.get(i);
            boolean focus = i == s.field;
            String label = String.format("%-10s", f.input.id() + (f.input.required() ? "*" : ""));
            String value = f.value.length() == 0 && !focus ? "(" + f.hint() + ")" : f.value + (focus ? "_" : "");
            c.text(1, row, (focus ? "> " : "  ") + label + " " + value, focus && f.pick < 0 ? Style.SELECTED : Style.NORMAL, c.cols - 2);
            row++;
            String d = f.input.description() == null ? "" : f.input.description().strip();
            if (!d.isEmpty()) c.text(VALUE_COL + 1, row++, Canvas.wrap(d, c.cols - VALUE_COL - 2).get(0), Style.DIM);
            // the fields below keep their two lines; the offers take what is left, at least a few lines
            int below = 2 * (s.fields.size() - 1 - i);
            if (focus) row = ChoicesView.paint(f, c, VALUE_COL + 1, row, Math.min(footer - 1, Math.max(row + 3, footer - 1 - below)));
        }
        c.text(1, Math.min(row + 1, footer), "* required.  Enter starts the session.", Style.DIM);
    }
}
