package dev.ktriage.playbook.lang;

import java.util.Map;
import java.util.Set;

/** Text with no expression in it: what the operator typed after {@code ssh NODE}. */
public record LiteralText(String source) implements Text {

    @Override
    public boolean isConstant() {
        return true;
    }

    @Override
    public Set<String> variables() {
        return Set.of();
    }

    @Override
    public String render(Map<String, Object> vars) {
        return source;
    }

    @Override
    public boolean isSingleExpression() {
        return false;
    }

    @Override
    public Object value(Map<String, Object> vars) {
        throw new IllegalStateException("literal text has no value of its own");
    }
}
