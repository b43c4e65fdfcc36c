package dev.ktriage.ui.tui;

import dev.ktriage.engine.AccessPreflight;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One step as the session screen shows it; filled in as the engine reports. GUI thread only. */
final class StepView {

    enum Mark {
        RUNNING("[>]"), DONE("[x]"), INCONCLUSIVE("[?]"), DIAGNOSED("[!]");

        final String text;

        Mark(String text) {
            this.text = text;
        }
    }

    final String id;
    final String title;
    final String explain;
    final String command;
    final List<String> evidence = new ArrayList<>();
    /** Indexes into {@link #evidence} of the lines the finding quotes. */
    final Set<Integer> matched = new HashSet<>();
    Mark mark = Mark.RUNNING;
    String says = "";
    /** First row of the evidence pane, in screen lines (evidence lines wrap). */
    int scroll;
    /** An evidence line to bring into view at the next paint (the first quoted one), or -1. */
    int jumpTo = -1;
    /** What the preflight found this step may not read, or null. */
    AccessPreflight.Gap access;

    StepView(String id, String title, String explain, String command) {
        this.id = id;
        this.title = title;
        this.explain = explain == null ? "" : explain.strip();
        this.command = command;
    }

    /** The mark in the steps list: a {@code *} after it when the preflight expects this step to lack access. */
    String markText() {
        return mark.text + (access == null ? " " : "*");
    }

    void addEvidence(String text) {
        if (text == null || text.isEmpty()) return;
        text.lines().forEach(evidence::add);
    }

    /** Marks the lines a quote comes from and scrolls to the first, so the operator sees why at once. */
    void highlight(List<String> quotes) {
        for (String q : quotes) {
            String needle = q.strip();
            if (needle.isEmpty()) continue;
            for (int i = 0; i < evidence.size(); i++) {
                if (unescaped(evidence.get(i)).contains(needle)) matched.add(i);
            }
        }
        jumpTo = matched.stream().min(Integer::compare).orElse(-1);
    }

    /** Evidence shown as JSON escapes quotes that the finding quotes plainly. */
    private static String unescaped(String line) {
        return line.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
