package dev.ktriage.cel;

/**
 * An evaluation error carried as a value, as CEL carries it: {@code false && err} is false and
 * {@code true || err} is true, so only an error that decides the result surfaces.
 *
 * @param offset where in the expression it arose, or -1
 */
public record Err(String message, int offset) {

    static Err of(String message) {
        return new Err(message, -1);
    }

    Err at(int where) {
        return offset >= 0 ? this : new Err(message, where);
    }
}
