package dev.ktriage.engine;

import java.util.List;

/** A named cause with the evidence chain that supports it and the remedy to review. */
public record Diagnosis(
        String id,
        String title,
        String confidence,
        String summary,
        List<String> evidence,
        String remedy,
        String playbook) {

    public Diagnosis {
        evidence = List.copyOf(evidence);
    }
}
