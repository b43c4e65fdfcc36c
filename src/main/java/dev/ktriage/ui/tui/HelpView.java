package dev.ktriage.ui.tui;

import dev.ktriage.ui.tui.Canvas.Style;
import dev.ktriage.ui.tui.ScreenPainter.Body;
import java.util.List;

/** The keys, on {@code ?}. */
final class HelpView {

    private static final List<String> LINES = List.of(
            "ktriage walks a playbook: each step gathers evidence (the command shows what",
            "it asks), says what it saw, and branches until it names the cause. It only",
            "reads: nothing on the cluster or the nodes is changed.",
            "Lists     Up/Down or j/k move, g/G first/last, / filters (Esc clears), Enter",
            "Inputs    type; Tab moves; Enter starts; Esc back. Pods, nodes, namespaces:",
            "          typing filters the cluster's list, Up/Down pick, Enter takes it",
            "Session   j/k pick a step to look at; PgUp/PgDn scroll its evidence (> marks",
            "          the lines the finding rests on; * a step the preflight found these",
            "          credentials may not read, kubectl auth can-i in it). p pauses",
            "          before each step: space/n runs it, c runs to the end; x stops it",
            "Question  Left/Right or 1-9 choose, Enter answers; or type, Enter",
            "End       m writes a Markdown report beside the transcript; s shows the",
            "          steps again; v (after a fix) re-reads the diagnosis's facts live;",
            "          n or Esc starts over; j/k PgUp/PgDn scroll",
            "Anywhere  ? or F1 this help; q quits (asks first while a session runs);",
            "          Ctrl-C stops a running session and quits",
            "Every session's transcript is written as it runs and named on exit;",
            "`ktriage replay FILE` re-runs it offline.");

    private HelpView() {
    }

    static void paint(Canvas c, Body body) {
        c.text(1, body.top(), "Help", Style.BOLD);
        // one line per row on a screen of 80 columns or more; narrower ones wrap and may scroll off
        int row = body.top() + 1;
        for (String line : LINES) {
            for (String part : Canvas.wrap(line, c.cols - 2)) {
                if (row < body.bottom()) c.text(1, row, part, Style.NORMAL);
                row++;
            }
        }
    }
}
