package dev.ktriage.cel;

import dev.ktriage.playbook.lang.Text;
import dev.ktriage.playbook.lang.Unavailable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Version 2 text: literal parts and {@code ${CEL}} parts; a part that fails makes the whole text unavailable. */
public final class CelText implements Text {

    private final String source;
    private final List<Object> parts; // String or Compiled
    private final Interpreter interpreter;

    CelText(String source, List<Object> parts, Interpreter interpreter) {
        this.source = source;
        this.parts = List.copyOf(parts);
        this.interpreter = interpreter;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public boolean isConstant() {
        return parts.stream().allMatch(p -> p instanceof String);
    }

    @Override
    public Set<String> variables() {
        Set<String> out = new TreeSet<>();
        for (Object p : parts) if (p instanceof Compiled c) Identifiers.collect(c.expr(), out);
        return out;
    }

    @Override
    public String render(Map<String, Object> vars) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) b.append(p instanceof Compiled c ? Values.text(valueOf(c, vars)) : (String) p);
        return b.toString();
    }

    @Override
    public boolean isSingleExpression() {
        return parts.size() == 1 && parts.get(0) instanceof Compiled;
    }

    @Override
    public Object value(Map<String, Object> vars) {
        return valueOf((Compiled) parts.get(0), vars);
    }

    private Object valueOf(Compiled c, Map<String, Object> vars) {
        Object v = interpreter.eval(c.expr(), new VariableBindings(vars));
        if (v instanceof Err e) throw new Unavailable("${" + c.source() + "}: " + e.message());
        return v;
    }

    List<Object> parts() {
        return parts;
    }

    @Override
    public String toString() {
        return source;
    }
}
