package dev.ktriage.allowlist;

/** A node command the allow-list does not admit, with the argument that broke it. */
public final class CommandRefused extends IllegalArgumentException {

    private final int offset;

    public CommandRefused(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Where the offending argument starts in the command as written. */
    public int offset() {
        return offset;
    }
}
