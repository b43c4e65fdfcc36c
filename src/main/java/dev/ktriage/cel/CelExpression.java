package dev.ktriage.cel;

import dev.ktriage.playbook.lang.Expression;
import dev.ktriage.playbook.lang.Unavailable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A checked CEL expression as a playbook value. */
public final class CelExpression implements Expression {

    private final Compiled compiled;
    private final Interpreter interpreter;

    CelExpression(Compiled compiled, Interpreter interpreter) {
        this.compiled = compiled;
        this.interpreter = interpreter;
    }

    public String type() {
        return compiled.type();
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
    public Object value(Map<String, Object> vars) {
        Object v = interpreter.eval(compiled.expr(), new VariableBindings(vars));
        if (v instanceof Err e) throw new Unavailable("`" + compiled.source() + "`: " + e.message());
        return v;
    }
}
