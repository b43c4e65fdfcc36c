package dev.ktriage.ui.tui;

import dev.ktriage.engine.Diagnosis;
import dev.ktriage.ui.tui.Canvas.Style;
import dev.ktriage.ui.tui.ScreenPainter.Body;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a session: the causes first (most specific on top, ids visible without scrolling),
 * then the summary, the evidence chain, the remedy and where the transcript is.
 */
final class EndView {

    record Line(String text, Style style) {
    }

    private EndView() {
    }

    static void paint(TuiState s, Canvas c, Body body) {
        List<Line> lines = lines(s, c.cols - 2);
        s.endScroll = Math.max(0, Math.min(s.endScroll, lines.size() - body.height()));
        for (int i = 0; i < body.height() && s.endScroll + i < lines.size(); i++) {
            Line l = lines.get(s.endScroll + i);
            c.text(1, body.top() + i, l.text(), l.style());
        }
    }

    static List<Line> lines(TuiState s, int width) {
        List<Line> out = new ArrayList<>();
        if (s.diagnoses.isEmpty()) {
            out.add(new Line("No diagnosis.", Style.WARN));
            String reason = s.finished == null ? null : s.finished.result().reason();
            if (reason != null) Canvas.wrap(reason, width).forEach(t -> out.add(new Line(t, Style.NORMAL)));
        }
        if (!s.diagnoses.isEmpty()) {
            List<Diagnosis> ds = s.finished != null ? s.finished.result().diagnoses() : s.diagnoses;
            out.add(new Line("Cause (most specific first):", Style.BOLD));
            for (Diagnosis d : ds) {
                out.add(new Line("[!] " + d.id() + "  (" + d.confidence() + ")", Style.GOOD));
                Canvas.wrap(d.title(), width - 4).forEach(t -> out.add(new Line("    " + t, Style.NORMAL)));
            }
            transcript(s, out);
            Diagnosis top = ds.get(0);
            out.add(new Line("", Style.NORMAL));
            if (!top.summary().isBlank()) {
                Canvas.wrap(top.summary(), width).forEach(t -> out.add(new Line(t, Style.NORMAL)));
                out.add(new Line("", Style.NORMAL));
            }
            out.add(new Line("Evidence chain:", Style.BOLD));
            for (String e : top.evidence()) {
                boolean quote = e.startsWith("> ");
                for (String t : Canvas.wrap(quote ? e : "- " + e, width - (quote ? 4 : 0))) {
                    out.add(new Line(quote ? "    " + t : t, quote ? Style.COMMAND : Style.NORMAL));
                }
            }
            for (Diagnosis d : ds) {
                out.add(new Line("", Style.NORMAL));
                out.add(new Line("Remedy for " + d.id() + " (review first; ktriage changes nothing):", Style.BOLD));
                Canvas.wrap(d.remedy(), width - 2).forEach(t -> out.add(new Line("  " + t, Style.NORMAL)));
            }
        } else {
            transcript(s, out);
        }
        return out;
    }

    private static void transcript(TuiState s, List<Line> out) {
        if (s.finished != null) out.add(new Line("Transcript: " + s.finished.transcript(), Style.DIM));
        if (s.report != null) out.add(new Line("Report:     " + s.report, Style.DIM));
    }
}
