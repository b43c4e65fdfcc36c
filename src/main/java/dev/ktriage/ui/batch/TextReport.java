package dev.ktriage.ui.batch;

import dev.ktriage.engine.Conclusion;
import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.Exclusion;
import dev.ktriage.engine.Fact;
import dev.ktriage.engine.Outcome;
import dev.ktriage.engine.SessionInfo;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.engine.StepStatus;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/** The result as a person reads it in a terminal or a ticket (also the Markdown report). */
public final class TextReport {

    private TextReport() {
    }

    /**
     * How the session ended, in the header: diagnosed, interrupted, error, and for an inconclusive
     * outcome whether the session established health ("healthy") or not ("inconclusive: could not tell").
     */
    static String headline(SessionResult r) {
        if (r.outcome() != Outcome.INCONCLUSIVE) return r.outcome().wireName();
        return r.conclusion() == Conclusion.HEALTHY ? "healthy" : "inconclusive: could not tell";
    }

    public static String render(SessionResult r, Path transcript) {
        return render(r, transcript, null);
    }

    /** @param info the header's session facts (time, context, namespace, inputs, version); null: no header */
    public static String render(SessionResult r, Path transcript, SessionInfo info) {
        StringBuilder b = new StringBuilder();
        b.append("# ktriage: ").append(r.playbook()).append(" — ").append(headline(r)).append("\n\n");
        if (info != null) {
            b.append("- started: ").append(info.started().truncatedTo(ChronoUnit.SECONDS)).append('\n');
            b.append("- context: ").append(info.context()).append('\n');
            b.append("- namespace: ").append(info.namespace()).append('\n');
            b.append("- inputs: ").append(info.inputs().isEmpty() ? "none" : info.inputs().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))).append('\n');
            b.append("- ktriage: ").append(info.version()).append("\n\n");
        }
        b.append("## Steps\n\n");
        for (StepRecord s : r.steps()) {
            b.append(s.status() == StepStatus.DONE ? "- [x] " : "- [?] ").append(s.title()).append(" (`").append(s.id()).append("`)\n");
            if (s.command() != null) b.append("  - command: `").append(s.command()).append("`\n");
            if (!s.says().isBlank()) b.append("  - ").append(s.says().strip()).append('\n');
            if (s.reason() != null) b.append("  - inconclusive: ").append(s.reason()).append('\n');
            for (String q : s.quotes()) b.append("    > ").append(q.strip()).append('\n');
        }
        if (r.conclusion() == Conclusion.HEALTHY) {
            b.append("\nHealthy").append(r.reason() == null ? "." : ": " + r.reason()).append('\n');
        } else if (r.diagnoses().isEmpty()) {
            b.append("\nNo diagnosis").append(r.reason() == null ? "." : ": " + r.reason()).append('\n');
        }
        for (Diagnosis d : r.diagnoses()) {
            b.append("\n## Diagnosis: ").append(d.title()).append(" (`").append(d.id()).append("`, confidence ")
                    .append(d.confidence()).append(")\n\n");
            if (!d.summary().isBlank()) b.append(d.summary()).append("\n\n");
            if (d.facts().isEmpty()) {
                b.append("Evidence:\n\n");
                for (String e : d.evidence()) b.append(e.startsWith("> ") ? "    " + e : "- " + e).append('\n');
            } else {
                b.append("Evidence, and where each fact came from:\n\n");
                for (Fact f : d.facts()) {
                    b.append("- ").append(f.says().isBlank() ? f.title() : f.says().strip()).append('\n');
                    b.append("  - from ").append(from(f)).append('\n');
                    for (String q : f.quotes()) b.append("    > ").append(q).append('\n');
                }
            }
            if (!d.ruledOut().isEmpty()) {
                b.append("\nRuled out on the way:\n\n");
                for (Exclusion x : d.ruledOut()) b.append("- ").append(x.says()).append(" (step `").append(x.step()).append("`)\n");
            }
            b.append("\nRemedy (review before applying; ktriage changes nothing):\n\n```\n").append(d.remedy()).append("\n```\n");
        }
        if (transcript != null) b.append("\nTranscript: ").append(transcript).append('\n');
        return b.toString();
    }

    /** Where a fact came from: the read, where it ran, when, and the step. */
    public static String from(Fact f) {
        String where = switch (f.source()) {
            case "node" -> "node " + f.node();
            case "cluster" -> "the API server";
            default -> "the values read before";
        };
        return (f.command() == null ? "" : "`" + f.command() + "` on ") + where + " at "
                + f.at().truncatedTo(ChronoUnit.SECONDS) + " (step `" + f.step() + "`)";
    }
}
