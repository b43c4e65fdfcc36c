package dev.ktriage.cel;

import dev.ktriage.playbook.lang.Absent;
import java.util.Map;

/** A session's variables as CEL bindings: an {@link Absent} value has no value, and says why. */
final class VariableBindings implements Bindings {

    private final Map<String, Object> vars;

    VariableBindings(Map<String, Object> vars) {
        this.vars = vars;
    }

    @Override
    public Object get(String name) {
        if (!vars.containsKey(name)) return ABSENT;
        Object v = vars.get(name);
        return v instanceof Absent ? ABSENT : v;
    }

    @Override
    public String whyAbsent(String name) {
        return vars.get(name) instanceof Absent a ? a.reason() : null;
    }
}
