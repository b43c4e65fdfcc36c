package dev.ktriage.playbook.lang;

/**
 * A value an expression needs is not there (its gather failed, its extract found nothing) or the
 * expression failed (no such key, a type that does not fit). Carries the reason the operator reads.
 */
public final class Unavailable extends RuntimeException {

    public Unavailable(String reason) {
        super(reason, null, false, false);
    }
}
