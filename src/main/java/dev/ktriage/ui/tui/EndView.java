package dev.ktriage.ui.tui;

import dev.ktriage.engine.Conclusion;
import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.Exclusion;
import dev.ktriage.engine.Fact;
import dev.ktriage.ui.batch.TextReport;
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
        List<Line> lines = lines(s, c.cols - 2, c.cols);
        s.endScroll = Math.max(0, Math.min(s.endScroll, lines.size() - body.height()));
        for (int i = 0; i < body.height() && s.endScroll + i < lines.size(); i++) {
            Line l = lines.get(s.endScroll + i);
            // a path starts at the first column and runs whole to the last, so it copies as it is
            if (l.style() == Style.PATH) c.text(0, body.top() + i, l.text(), Style.DIM, c.cols);
            else c.text(1, body.top() + i, l.text(), l.style());
        }
    }

    static List<Line> lines(TuiState s, int width) {
        return lines(s, width, width + 2);
    }

    /** @param cols the whole screen's width: paths use all of it */
    private static List<Line> lines(TuiState s, int width, int cols) {
        List<Line> out = new ArrayList<>();
        boolean interrupted = s.finished != null && s.finished.result().outcome() == dev.ktriage.engine.Outcome.INTERRUPTED;
        if (interrupted) {
            out.add(new Line("Interrupted: the session was stopped before it reached a conclusion.", Style.WARN));
            String reason = s.finished.result().reason();
            if (reason != null) Canvas.wrap(reason, width).forEach(t -> out.add(new Line(t, Style.NORMAL)));
            if (!s.diagnoses.isEmpty()) out.add(new Line("Found before the stop:", Style.BOLD));
        } else if (s.diagnoses.isEmpty() && s.finished != null && s.finished.result().conclusion() == Conclusion.HEALTHY) {
            out.add(new Line("Healthy: established by what this session read.", Style.GOOD));
            Canvas.wrap(s.finished.result().reason(), width).forEach(t -> out.add(new Line(t, Style.NORMAL)));
        } else if (s.diagnoses.isEmpty()) {
            out.add(new Line("No diagnosis: could not tell.", Style.WARN));
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
            transcript(s, out, cols);
            verified(s, out, width, cols);
            Diagnosis top = ds.get(0);
            out.add(new Line("", Style.NORMAL));
            if (!top.summary().isBlank()) {
                Canvas.wrap(top.summary(), width).forEach(t -> out.add(new Line(t, Style.NORMAL)));
                out.add(new Line("", Style.NORMAL));
            }
            out.add(new Line("Evidence chain:", Style.BOLD));
            if (top.facts().isEmpty()) {
                for (String e : top.evidence()) {
                    boolean quote = e.startsWith("> ");
                    for (String t : Canvas.wrap(quote ? e : "- " + e, width - (quote ? 4 : 0))) {
                        out.add(new Line(quote ? "    " + t : t, quote ? Style.COMMAND : Style.NORMAL));
                    }
                }
            }
            for (Fact f : top.facts()) {
                Canvas.wrap("- " + (f.says().isBlank() ? f.title() : f.says().strip()), width).forEach(t -> out.add(new Line(t, Style.NORMAL)));
                Canvas.wrap("from " + TextReport.from(f), width - 2).forEach(t -> out.add(new Line("  " + t, Style.DIM)));
                for (String q : f.quotes()) Canvas.wrap("> " + q, width - 4).forEach(t -> out.add(new Line("    " + t, Style.COMMAND)));
            }
            if (!top.ruledOut().isEmpty()) {
                out.add(new Line("", Style.NORMAL));
                out.add(new Line("Ruled out on the way:", Style.BOLD));
                for (Exclusion x : top.ruledOut()) Canvas.wrap("- " + x.says(), width).forEach(t -> out.add(new Line(t, Style.NORMAL)));
            }
            for (Diagnosis d : ds) {
                out.add(new Line("", Style.NORMAL));
                out.add(new Line("Remedy for " + d.id() + " (review first; ktriage changes nothing):", Style.BOLD));
                Canvas.wrap(d.remedy(), width - 2).forEach(t -> out.add(new Line("  " + t, Style.NORMAL)));
            }
        } else {
            transcript(s, out, cols);
        }
        return out;
    }

    /** The last verify (v): its verdict, each check as it is now, and its transcript. */
    private static void verified(TuiState s, List<Line> out, int width, int cols) {
        if (s.verified == null) return;
        var r = s.verified.round();
        out.add(new Line("", Style.NORMAL));
        boolean fixed = r.verdict() == dev.ktriage.verify.Verdict.FIXED;
        out.add(new Line("Verify at " + dev.ktriage.ui.VerifyLines.time(r) + " UTC: " + r.verdict().wireName().toUpperCase(java.util.Locale.ROOT), fixed ? Style.GOOD : Style.WARN));
        for (var d : r.diagnoses()) {
            Canvas.wrap(d.diagnosis() + ": " + d.verdict().wireName(), width).forEach(t -> out.add(new Line(t, Style.BOLD)));
            for (var c : d.checks()) {
                Canvas.wrap("- " + c.kind().wireName() + ", " + c.state().words() + ": " + c.says(), width).forEach(t -> out.add(new Line(t, Style.NORMAL)));
            }
        }
        path("Verify transcript:", s.verified.transcript().toString(), out, cols);
    }

    /** The transcript's and the report's paths, each on lines of its own, whole: cut at the screen's width, never shortened. */
    private static void transcript(TuiState s, List<Line> out, int cols) {
        if (s.finished != null) path("Transcript:", s.finished.transcript().toString(), out, cols);
        if (s.report != null) path("Report:", s.report, out, cols);
    }

    private static void path(String label, String path, List<Line> out, int cols) {
        if (label.length() + 1 + path.length() <= cols - 1) {
            out.add(new Line(label + " " + path, Style.DIM));
            return;
        }
        out.add(new Line(label, Style.DIM));
        for (int i = 0; i < path.length(); i += cols) out.add(new Line(path.substring(i, Math.min(path.length(), i + cols)), Style.PATH));
    }
}
