package dev.ktriage.engine;

/** done: a rule fired; inconclusive: the gather failed or no rule held (the reason says which). */
public enum StepStatus {
    DONE, INCONCLUSIVE;

    public String wireName() {
        return name().toLowerCase();
    }
}
