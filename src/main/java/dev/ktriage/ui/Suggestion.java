package dev.ktriage.ui;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A symptom triage found and the playbook it suggests, with the inputs it can already fill in
 * (the pod that shows the symptom, say).
 */
public record Suggestion(String symptom, String playbook, Map<String, String> inputs) {

    public Suggestion {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs)); // keeps the playbook's order
    }
}
