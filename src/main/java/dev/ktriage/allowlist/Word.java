package dev.ktriage.allowlist;

/**
 * One argument of a node command as the allow-list sees it.
 *
 * @param text     the argument; for a {@link Kind#TEMPLATE} the template as written ({@code ${podIP}})
 * @param kind     whether the author wrote it, or a value from the cluster fills it
 * @param offset   where it starts in the command as written, for file:line:column messages
 */
public record Word(String text, Kind kind, int offset) {

    public enum Kind {
        /** Written by the author or the operator, as is. */
        LITERAL,
        /** Filled from the session's variables when the step runs; not known yet (playbook load). */
        TEMPLATE,
        /** A value from the cluster or a node, filled in: checked against its type now. */
        VALUE
    }

    public static Word literal(String text, int offset) {
        return new Word(text, Kind.LITERAL, offset);
    }

    boolean filled() {
        return kind != Kind.LITERAL;
    }
}
