package dev.ktriage.engine;

import java.util.List;

/**
 * How a session ended. Diagnoses are ordered most specific first: a cause found after a handoff
 * explains the one that led to it.
 *
 * @param reason     why it ended without a diagnosis (an unanswered question, a missing input), or null
 * @param conclusion what it established ({@link Conclusion}): healthy only with an inconclusive
 *                   outcome and no diagnosis; null is the outcome's conclusion without proof of health
 */
public record SessionResult(String playbook, Outcome outcome, List<Diagnosis> diagnoses, List<StepRecord> steps, String reason,
                            Conclusion conclusion) {

    public SessionResult {
        diagnoses = List.copyOf(diagnoses);
        steps = List.copyOf(steps);
        if (conclusion == null) conclusion = Conclusion.of(outcome);
        if (conclusion == Conclusion.HEALTHY && (outcome != Outcome.INCONCLUSIVE || !diagnoses.isEmpty())) {
            throw new IllegalArgumentException("a healthy conclusion has an inconclusive outcome and no diagnosis, not " + outcome.wireName());
        }
    }

    /** A result whose conclusion follows from its outcome: diagnosed, error, or could-not-tell. */
    public SessionResult(String playbook, Outcome outcome, List<Diagnosis> diagnoses, List<StepRecord> steps, String reason) {
        this(playbook, outcome, diagnoses, steps, reason, null);
    }

    /**
     * The process's exit code: the outcome's (0 diagnosed, 2 inconclusive, 1 error, 130 interrupted);
     * with {@code detailed}, {@link Conclusion#HEALTHY_EXIT} for a healthy conclusion.
     */
    public int exitCode(boolean detailed) {
        return detailed && conclusion == Conclusion.HEALTHY ? Conclusion.HEALTHY_EXIT : outcome.exitCode();
    }
}
