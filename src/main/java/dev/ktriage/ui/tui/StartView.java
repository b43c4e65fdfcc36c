package dev.ktriage.ui.tui;

import dev.ktriage.ui.tui.Canvas.Style;
import dev.ktriage.ui.tui.ScreenPainter.Body;

/** The start screen: what triage suggests, then every playbook. */
final class StartView {

    private StartView() {
    }

    static void paint(TuiState s, Canvas c, Body body) {
        int row = body.top();
        c.text(1, row++, "What is wrong? Pick a playbook and press Enter.", Style.BOLD);
        if (s.triageRunning) c.text(1, row++, "(triage is scanning the target for known symptoms...)", Style.DIM);
        row++;
        int listTop = row;
        int visible = body.bottom() - listTop;
        int first = Math.max(0, Math.min(s.selected - visible + 2, s.entries.size() - visible));
        boolean headedSuggestions = false;
        boolean headedPlaybooks = false;
        for (int i = 0; i < s.entries.size() && row < body.bottom(); i++) {
            TuiState.Entry e = s.entries.get(i);
            if (e.suggested() && !headedSuggestions && i >= first) {
                c.text(1, row++, "Triage found:", Style.BOLD);
                headedSuggestions = true;
            }
            if (!e.suggested() && !headedPlaybooks && i >= first) {
                c.text(1, row++, "Playbooks:", Style.BOLD);
                headedPlaybooks = true;
            }
            if (i < first || row >= body.bottom()) continue;
            String line = e.suggested()
                    ? e.symptom() + "  -> " + e.playbook()
                    : String.format("%-22s %s", e.playbook(), e.title());
            boolean sel = i == s.selected;
            c.text(1, row, (sel ? "> " : "  ") + line, sel ? Style.SELECTED : Style.NORMAL, c.cols - 2);
            row++;
        }
        if (s.entries.isEmpty()) c.text(1, listTop, "No playbooks loaded.", Style.WARN);
    }
}
