package dev.ktriage.playbook.expr;

import dev.ktriage.playbook.lang.Condition;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A version 1 {@code when}: an {@link Expr}, truthy or not (unknown variables are null). */
public record ExprCondition(Expr expr, String source) implements Condition {

    @Override
    public Set<String> variables() {
        Set<String> out = new TreeSet<>();
        Variables.collect(expr, out);
        return out;
    }

    @Override
    public boolean holds(Map<String, Object> vars) {
        return Evaluator.of(vars).test(expr);
    }
}
