package dev.ktriage.verify;

import java.util.Locale;

/** What {@code ktriage verify} concludes about a diagnosis after the fix, from the facts re-read live. */
public enum Verdict {
    /** Every fact the fix had to change is gone, and nothing declared would bring it back. */
    FIXED,
    /** The facts gone, but something would bring the fault back (a setting new devices get, a file read at boot). */
    NOT_DURABLE,
    /** Some faults gone, some still there (a diagnosis whose facts are faults of their own). */
    PARTLY_FIXED,
    /** The diagnosed fault is still there. */
    NOT_FIXED,
    /** A fact or durability check could not be re-read: no verdict rests on a read that failed. */
    COULD_NOT_TELL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Exit code: 0 fixed, 2 could not tell, 5 the fault is (or would come) back. */
    public int exitCode() {
        return switch (this) {
            case FIXED -> 0;
            case COULD_NOT_TELL -> 2;
            default -> 5;
        };
    }

    /** Worse first: the verdict of several diagnoses is the worst of theirs. */
    int severity() {
        return switch (this) {
            case FIXED -> 0;
            case COULD_NOT_TELL -> 1;
            case NOT_DURABLE -> 2;
            case PARTLY_FIXED -> 3;
            case NOT_FIXED -> 4;
        };
    }

    static Verdict worst(Verdict a, Verdict b) {
        return a.severity() >= b.severity() ? a : b;
    }

    public static Verdict ofWireName(String s) {
        for (Verdict v : values()) if (v.wireName().equals(s)) return v;
        throw new IllegalArgumentException("not a verdict: " + s);
    }
}
