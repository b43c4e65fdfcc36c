package dev.ktriage.playbook;

import dev.ktriage.playbook.lang.Condition;
import dev.ktriage.playbook.lang.Text;
import dev.ktriage.yaml.Location;
import java.util.List;
import java.util.Map;

/**
 * "When this holds, this is what we found, and this is where we go." Rules are tried in order;
 * the first that holds fires. A rule without {@code when} always holds.
 *
 * @param finding  the finding's id, recorded in the transcript and the result
 * @param says     the finding as the operator reads it
 * @param diagnose diagnoses this finding establishes
 * @param gotoStep the next step; null with no handoff ends the session
 * @param handoff  another playbook to continue with, and its inputs
 * @param end      the session ends here (with any diagnoses found so far)
 * @param confidence how sure the diagnoses are on the evidence this rule saw, a template that gives
 *                 high, medium or low; null for the confidence each diagnosis declares
 * @param healthy  the rule ends the session and its condition establishes that the subject is fine
 *                 ({@code healthy: true}; never with a diagnosis, always with {@code when})
 * @param excludedSays why this alternative does not apply, said when its condition did not hold and
 *                 a later rule of the step fired ({@code excludedSays}); null for "its condition did not hold"
 */
public record Rule(
        Condition when,
        String finding,
        Text says,
        List<String> diagnose,
        String gotoStep,
        Handoff handoff,
        boolean end,
        Text confidence,
        boolean healthy,
        Text excludedSays,
        Location at) {

    public Rule(Condition when, String finding, Text says, List<String> diagnose, String gotoStep, Handoff handoff, boolean end,
                Text confidence, boolean healthy, Location at) {
        this(when, finding, says, diagnose, gotoStep, handoff, end, confidence, healthy, null, at);
    }

    /** A rule that does not conclude healthy. */
    public Rule(Condition when, String finding, Text says, List<String> diagnose, String gotoStep, Handoff handoff, boolean end,
                Text confidence, Location at) {
        this(when, finding, says, diagnose, gotoStep, handoff, end, confidence, false, null, at);
    }

    public record Handoff(String playbook, Map<String, Text> set, Location at) {
    }
}
