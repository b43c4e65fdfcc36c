package dev.ktriage.playbook;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The keys a run of a playbook takes with {@code --set}: its inputs, and the questions of its steps
 * and of every playbook it may hand off to (a handoff sets that playbook's inputs itself). A key
 * outside them would be silently ignored, so it is refused with the closest one named.
 */
public final class InputKeys {

    private InputKeys() {
    }

    /** @param playbookId a playbook the catalog holds */
    public static Set<String> accepted(PlaybookCatalog catalog, String playbookId) {
        Set<String> keys = new LinkedHashSet<>();
        Playbook first = catalog.require(playbookId);
        first.inputs().forEach(in -> keys.add(in.id()));
        Set<String> seen = new LinkedHashSet<>();
        Deque<Playbook> todo = new ArrayDeque<>();
        todo.add(first);
        while (!todo.isEmpty()) {
            Playbook p = todo.poll();
            if (!seen.add(p.id())) continue;
            questionsAndHandoffs(p.steps(), keys, todo, catalog);
        }
        return keys;
    }

    private static void questionsAndHandoffs(Map<String, Step> steps, Set<String> keys, Deque<Playbook> todo, PlaybookCatalog catalog) {
        for (Step s : steps.values()) {
            if (s.ask() != null) keys.add(s.ask().id());
            if (s.forEach() != null) questionsAndHandoffs(s.forEach().steps(), keys, todo, catalog);
            for (Rule r : s.rules()) {
                if (r.handoff() != null) catalog.find(r.handoff().playbook()).ifPresent(todo::add);
            }
        }
    }

    /**
     * The candidate nearest to {@code typed} (edit distance with adjacent swaps, at most 2 and less
     * than half its length), or null when none is that close: {@code pood} gives {@code pod}.
     */
    public static String closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(typed.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= 2 && bestDistance * 2 < Math.max(typed.length(), 2) + 1 ? best : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
