package dev.ktriage.engine;

import java.util.List;

/**
 * What one step saw and concluded.
 *
 * @param id       the step id, prefixed with the playbook id for steps of a handed-off playbook
 * @param finding  the id of the finding that fired, or null
 * @param says     the finding as the operator reads it
 * @param reason   why the step is inconclusive, or null
 * @param quotes   evidence lines the finding rests on
 * @param ruledOut findings considered before the one that fired, whose conditions did not hold
 * @param command  the equivalent kubectl/shell command of the gather, or null
 */
public record StepRecord(
        String id,
        String title,
        StepStatus status,
        String finding,
        String says,
        String reason,
        List<String> quotes,
        List<String> ruledOut,
        String command) {

    public StepRecord {
        quotes = List.copyOf(quotes);
        ruledOut = List.copyOf(ruledOut);
    }
}
