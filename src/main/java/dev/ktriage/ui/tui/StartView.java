package dev.ktriage.ui.tui;

import dev.ktriage.ui.tui.Canvas.Style;
import dev.ktriage.ui.tui.ScreenPainter.Body;
import java.util.List;

/** The start screen: what triage suggests, then every playbook. */
final class StartView {

    private StartView() {
    }

    static void paint(TuiState s, Canvas c, Body body) {
        int row = body.top();
        c.text(1, row++, "What is wrong? Pick a playbook and press Enter.", Style.BOLD);
        if (s.triageRunning) c.text(1, row++, "(triage is scanning the target for known symptoms...)", Style.DIM);
        if (s.filtering || s.filter.length() > 0) {
            c.text(1, row, "filter: /" + s.filter + (s.filtering ? "_" : "") + "  (Esc clears it)", Style.SELECTED, c.cols - 2);
        }
        row++;
        int listTop = row;
        List<Integer> kept = s.shownEntries();
        int visible = body.bottom() - listTop;
        int at = Math.max(0, kept.indexOf(s.selected));
        int first = Math.max(0, Math.min(at - visible + 2, kept.size() - visible));
        boolean headedSuggestions = false;
        boolean headedPlaybooks = false;
        for (int k = 0; k < kept.size() && row < body.bottom(); k++) {
            int i = kept.get(k);
            TuiState.Entry e = s.entries.get(i);
            if (e.suggested() && !headedSuggestions && k >= first) {
                c.text(1, row++, "Triage found:", Style.BOLD);
                headedSuggestions = true;
            }
            if (!e.suggested() && !headedPlaybooks && k >= first) {
                c.text(1, row++, "Playbooks:", Style.BOLD);
                headedPlaybooks = true;
            }
            if (k < first || row >= body.bottom()) continue;
            String line = e.suggested()
                    ? e.symptom() + "  -> " + e.playbook()
                    : String.format("%-22s %s", e.playbook(), e.title());
            boolean sel = i == s.selected;
            c.text(1, row, (sel ? "> " : "  ") + line, sel ? Style.SELECTED : Style.NORMAL, c.cols - 2);
            row++;
        }
        if (s.entries.isEmpty()) c.text(1, listTop, "No playbooks loaded.", Style.WARN);
        else if (kept.isEmpty()) c.text(1, listTop, "No playbook matches the filter.", Style.WARN);
    }
}
