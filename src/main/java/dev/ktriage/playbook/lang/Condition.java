package dev.ktriage.playbook.lang;

import java.util.Map;
import java.util.Set;

/** A rule's {@code when}: true or false over the session's values. */
public interface Condition {

    String source();

    Set<String> variables();

    /**
     * @throws Unavailable when the condition needs a value that is absent, or fails: the step is
     *                     then inconclusive with the reason, never decided on a guess
     */
    boolean holds(Map<String, Object> vars);
}
