package dev.ktriage.engine;

import java.util.List;

/**
 * How a session ended. Diagnoses are ordered most specific first: a cause found after a handoff
 * explains the one that led to it.
 *
 * @param reason why it ended without a diagnosis (an unanswered question, a missing input), or null
 */
public record SessionResult(String playbook, Outcome outcome, List<Diagnosis> diagnoses, List<StepRecord> steps, String reason) {

    public SessionResult {
        diagnoses = List.copyOf(diagnoses);
        steps = List.copyOf(steps);
    }
}
