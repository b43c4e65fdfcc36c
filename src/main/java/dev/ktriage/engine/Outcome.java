package dev.ktriage.engine;

/**
 * The end of a session; exit codes follow docs/scenarios.md: diagnosed 0, inconclusive 2, error 1,
 * and 130 (as a shell reports SIGINT) for a session the operator stopped.
 */
public enum Outcome {
    DIAGNOSED(0), INCONCLUSIVE(2), ERROR(1), INTERRUPTED(130);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
