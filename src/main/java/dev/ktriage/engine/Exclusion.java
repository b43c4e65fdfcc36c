package dev.ktriage.engine;

/**
 * An alternative the playbook considered and excluded on the way to a conclusion: a rule of a
 * step on the walk whose condition did not hold, before the rule that fired.
 *
 * @param step      the step (as the session names it, with any handoff or item prefix)
 * @param finding   the rule's finding id, or "rule N" for a rule without one
 * @param condition the rule's condition as written
 * @param because   why it is excluded in the words of the playbook ({@code excludedSays}, filled in
 *                  with this session's values), or null: then only "its condition did not hold"
 */
public record Exclusion(String step, String finding, String condition, String because) {

    Exclusion inStep(String stepId) {
        return new Exclusion(stepId, finding, condition, because);
    }

    /** One line: the finding, and why it does not apply here. */
    public String says() {
        return finding + ": " + (because != null ? because : "`" + condition + "` did not hold");
    }
}
