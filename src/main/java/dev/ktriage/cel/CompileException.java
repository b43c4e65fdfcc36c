package dev.ktriage.cel;

/**
 * An expression that does not parse or type-check: an unknown variable or function, a type
 * mismatch, a bad regular expression.
 *
 * @param offset where in the expression's text the problem is (0-based), for file:line:column
 */
public final class CompileException extends RuntimeException {

    private final int offset;

    public CompileException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
