package dev.ktriage.playbook;

import dev.ktriage.playbook.lang.Expression;
import dev.ktriage.yaml.Location;
import java.util.Map;

/**
 * A group of steps walked once per item of a list (nodes, containers, bindings): each walk starts
 * at the group's first step with {@code as} bound to the item, its variables in a scope of their
 * own, and ends at an {@code end} (or a rule with nowhere to go). Each walk's variables, with the
 * item and {@code ok} (no step of the walk was inconclusive), become one map of the list
 * {@code collect}, which the group's own rules and later steps read.
 */
public record ForEach(Expression in, String as, String collect, Map<String, Step> steps, Location at) {

    public Step firstStep() {
        return steps.values().iterator().next();
    }
}
