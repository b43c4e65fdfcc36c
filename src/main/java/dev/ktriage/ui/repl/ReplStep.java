package dev.ktriage.ui.repl;

import dev.ktriage.engine.StepRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One step as the REPL keeps it, for {@code why}, {@code evidence} and {@code back}. */
final class ReplStep {

    final String id;
    final String title;
    final String explain;
    final String command;
    final List<String> evidence = new CopyOnWriteArrayList<>();
    volatile StepRecord record;

    ReplStep(String id, String title, String explain, String command) {
        this.id = id;
        this.title = title;
        this.explain = explain == null ? "" : explain.strip();
        this.command = command;
    }

    /** The evidence with the lines the finding quotes marked {@code >}. */
    String evidenceText() {
        if (evidence.isEmpty()) return "(this step gathered nothing)";
        List<String> quotes = record == null ? List.of() : record.quotes().stream().map(String::strip).filter(q -> !q.isEmpty()).toList();
        StringBuilder b = new StringBuilder();
        for (String line : evidence) {
            String plain = line.replace("\\\"", "\"");
            boolean hit = quotes.stream().anyMatch(plain::contains);
            b.append(hit ? "> " : "  ").append(line).append('\n');
        }
        return b.toString();
    }

    String why() {
        StringBuilder b = new StringBuilder(title).append("  (").append(id).append(")\n");
        if (!explain.isEmpty()) b.append(explain).append('\n');
        if (command != null) b.append("$ ").append(command).append('\n');
        StepRecord r = record;
        if (r == null) return b.append("(still running)\n").toString();
        if (r.reason() != null) b.append("inconclusive: ").append(r.reason()).append('\n');
        if (!r.says().isBlank()) b.append("=> ").append(r.says().strip()).append('\n');
        r.quotes().forEach(q -> b.append("   | ").append(q.strip()).append('\n'));
        if (!r.ruledOut().isEmpty()) b.append("ruled out: ").append(String.join(", ", r.ruledOut())).append('\n');
        return b.toString();
    }
}
