package dev.ktriage.engine;

import java.util.List;

/**
 * A named cause with the evidence chain that supports it and the remedy to review.
 *
 * @param evidence the chain as lines: each step's finding, then the lines it quotes ("> ...")
 * @param facts    the same chain with where each fact came from (step, read, node, time)
 * @param ruledOut the alternatives the playbook considered on the walk to it and why each was excluded
 */
public record Diagnosis(
        String id,
        String title,
        String confidence,
        String summary,
        List<String> evidence,
        String remedy,
        String playbook,
        List<Fact> facts,
        List<Exclusion> ruledOut) {

    public Diagnosis {
        evidence = List.copyOf(evidence);
        facts = List.copyOf(facts);
        ruledOut = List.copyOf(ruledOut);
    }

    /** A diagnosis whose facts' provenance and exclusions are not known (read back from its lines alone). */
    public Diagnosis(String id, String title, String confidence, String summary, List<String> evidence, String remedy, String playbook) {
        this(id, title, confidence, summary, evidence, remedy, playbook, List.of(), List.of());
    }
}
