package dev.ktriage.playbook.expr;

import java.util.List;

/**
 * A parsed condition or value expression from a playbook ({@code when:}, {@code value:}, the
 * {@code ${...}} parts of templates). Evaluation is pure: variables in, value out.
 */
public sealed interface Expr {

    /** The expression as the author wrote it, for provenance ("the rule that fired"). */
    String source();

    record Literal(String source, Object value) implements Expr {}

    /** A variable, possibly dotted ({@code pod.namespace}); an unknown variable is null. */
    record Var(String source, String name) implements Expr {}

    record Unary(String source, String op, Expr operand) implements Expr {}

    record Binary(String source, String op, Expr left, Expr right) implements Expr {}

    record Call(String source, String function, List<Expr> args) implements Expr {}

    record Index(String source, Expr target, Expr index) implements Expr {}

    record ListOf(String source, List<Expr> items) implements Expr {}
}
