package dev.ktriage.engine.triage;

import java.util.List;
import java.util.Map;

/**
 * A playbook worth running, and why.
 *
 * @param set      inputs to start it with, from the most affected object ({@code pod=ns/name})
 * @param signs    the symptoms seen, as the operator reads them
 * @param examples a few event messages behind them
 */
public record Suggestion(String playbook, String title, double score, Map<String, String> set, List<String> signs,
                         List<String> examples) {

    public Suggestion {
        set = Map.copyOf(set);
        signs = List.copyOf(signs);
        examples = List.copyOf(examples);
    }
}
