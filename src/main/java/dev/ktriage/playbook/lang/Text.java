package dev.ktriage.playbook.lang;

import java.util.Map;
import java.util.Set;

/**
 * Text with {@code ${expression}} parts: an explanation, a finding, a remedy, a query field, a
 * node command argument. Parsed and checked when the playbook loads.
 */
public interface Text {

    String source();

    boolean isConstant();

    /** The variables it reads (the evidence a finding quotes comes from these). */
    Set<String> variables();

    /**
     * The text with every expression's value in place.
     *
     * @throws Unavailable when a value it needs is absent or an expression fails: never empty text
     */
    String render(Map<String, Object> vars);

    /** Whether the whole text is one {@code ${...}}, whose value may be more than text (a list of nodes). */
    boolean isSingleExpression();

    /**
     * The value of a {@link #isSingleExpression() single expression}.
     *
     * @throws Unavailable as {@link #render}
     */
    Object value(Map<String, Object> vars);
}
