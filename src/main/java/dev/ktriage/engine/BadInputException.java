package dev.ktriage.engine;

/** An input value that cannot be what the input names: a user error, reported in one line. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
