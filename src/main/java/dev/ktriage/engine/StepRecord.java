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
 * @param rule     the position (from 1) of the rule that fired among the step's rules, or null when
 *                 none fired (inconclusive) or when not recorded (transcripts written before it was)
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
        String command,
        Integer rule) {

    public StepRecord {
        quotes = List.copyOf(quotes);
        ruledOut = List.copyOf(ruledOut);
    }

    /** A step record that does not say which rule fired. */
    public StepRecord(String id, String title, StepStatus status, String finding, String says, String reason, List<String> quotes,
                      List<String> ruledOut, String command) {
        this(id, title, status, finding, says, reason, quotes, ruledOut, command, null);
    }
}
