package dev.ktriage.playbook.lang;

import java.util.Map;
import java.util.Set;

/** A value computed from the session's values: a {@code let}, the list a {@code forEach} walks. */
public interface Expression {

    String source();

    Set<String> variables();

    /** @throws Unavailable when a value it needs is absent or it fails */
    Object value(Map<String, Object> vars);
}
