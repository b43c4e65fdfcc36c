package dev.ktriage.cel;

/**
 * A checked expression, ready to evaluate.
 *
 * @param source the expression as written
 * @param type   its result type as the checker inferred it ({@code bool}, {@code list(string)}, {@code dyn}, ...)
 */
public record Compiled(String source, CExpr expr, String type) {
}
