package dev.ktriage.ui.tui;

import dev.ktriage.ui.tui.Canvas.Style;
import dev.ktriage.ui.tui.ScreenPainter.Body;
import java.util.List;

/** The inputs a playbook needs before it starts. */
final class InputView {

    private InputView() {
    }

    static void paint(TuiState s, Canvas c, Body body) {
        int row = body.top();
        c.text(1, row++, s.playbook.id() + " - " + s.playbook.title(), Style.BOLD);
        List<String> desc = Canvas.wrap(s.playbook.description() == null ? "" : s.playbook.description().strip(), c.cols - 2);
        for (int i = 0; i < Math.min(4, desc.size()); i++) c.text(1, row++, desc.get(i), Style.NORMAL);
        row++;
        if (s.fields.isEmpty()) c.text(1, row++, "This playbook needs no inputs: press Enter to start.", Style.NORMAL);
        for (int i = 0; i < s.fields.size() && row < body.bottom() - 1; i++) {
            InputField f = s.fields.get(i);
            boolean focus = i == s.field;
            String label = String.format("%-10s", f.input.id() + (f.input.required() ? "*" : ""));
            String value = f.value.length() == 0 && !focus ? "(" + f.hint() + ")" : f.value + (focus ? "_" : "");
            c.text(1, row, (focus ? "> " : "  ") + label + " " + value, focus ? Style.SELECTED : Style.NORMAL, c.cols - 2);
            row++;
            String d = f.input.description() == null ? "" : f.input.description().strip();
            if (!d.isEmpty()) c.text(15, row++, Canvas.wrap(d, c.cols - 16).get(0), Style.DIM);
        }
        c.text(1, Math.min(row + 1, body.bottom() - 1), "* required.  Enter starts the session.", Style.DIM);
    }
}
