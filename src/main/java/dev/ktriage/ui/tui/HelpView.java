package dev.ktriage.ui.tui;

import dev.ktriage.ui.tui.Canvas.Style;
import dev.ktriage.ui.tui.ScreenPainter.Body;
import java.util.List;

/** The keys, on {@code ?}. */
final class HelpView {

    private static final List<String> LINES = List.of(
            "ktriage walks a playbook: each step gathers evidence (the command shows",
            "what it asks), says what it saw, and branches until it names the cause.",
            "It only reads: nothing on the cluster or the nodes is changed.",
            "",
            "Start     Up/Down choose a playbook, Enter opens its inputs",
            "Inputs    type; Tab moves between fields; Enter starts; Esc back. Pods,",
            "          nodes, namespaces: typing filters the cluster's list, Up/Down pick,",
            "          Enter takes it (NAMESPACE/ lists that namespace's pods)",
            "Session   Up/Down pick a step to look at; PgUp/PgDn scroll its evidence",
            "          (> marks the lines the finding rests on; * a step the preflight",
            "          found these credentials may not read, kubectl auth can-i in it)",
            "Question  Left/Right or 1-9 choose, Enter answers; or type, Enter",
            "End       m writes a Markdown report beside the transcript",
            "          s shows the steps again; n starts over; PgUp/PgDn scroll",
            "Anywhere  ? or F1 this help; q quits (Esc first while typing)",
            "",
            "The transcript of every session is written as it runs;",
            "`ktriage replay FILE` re-runs it offline.");

    private HelpView() {
    }

    static void paint(Canvas c, Body body) {
        c.text(1, body.top(), "Help", Style.BOLD);
        for (int i = 0; i < LINES.size() && body.top() + 2 + i < body.bottom(); i++) {
            c.text(1, body.top() + 2 + i, LINES.get(i), Style.NORMAL);
        }
    }
}
