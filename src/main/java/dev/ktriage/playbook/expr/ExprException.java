package dev.ktriage.playbook.expr;

/** A syntax error in an expression; {@code offset} is the 0-based position in its text. */
public class ExprException extends RuntimeException {

    private final int offset;

    public ExprException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
