package dev.ktriage.cel;

import dev.ktriage.playbook.lang.Condition;
import dev.ktriage.playbook.lang.Unavailable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A version 2 {@code when}: a CEL expression of type bool; an error is {@link Unavailable}, never false. */
public final class CelCondition implements Condition {

    private final Compiled compiled;
    private final Interpreter interpreter;

    CelCondition(Compiled compiled, Interpreter interpreter) {
        this.compiled = compiled;
        this.interpreter = interpreter;
    }

    @Override
    public String source() {
        return compiled.source();
    }

    @Override
    public Set<String> variables() {
        Set<String> out = new TreeSet<>();
        Identifiers.collect(compiled.expr(), out);
        return out;
    }

    @Override
    public boolean holds(Map<String, Object> vars) {
        Object v = interpreter.eval(compiled.expr(), new VariableBindings(vars));
        if (v instanceof Boolean b) return b;
        if (v instanceof Err e) throw new Unavailable("`" + compiled.source() + "`: " + e.message());
        throw new Unavailable("`" + compiled.source() + "` is " + Values.typeName(v) + ", not bool");
    }
}
