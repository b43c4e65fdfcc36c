package dev.ktriage.engine;

/**
 * What a session established, beside its {@link Outcome}: a cause ({@code diagnosed}), that the
 * subject is fine ({@code healthy}), neither ({@code could-not-tell}), or nothing because it failed
 * ({@code error}).
 *
 * <p>Healthy needs proof as a diagnosis does: the walk ended at a rule that says so
 * ({@code healthy: true}) in the session's own playbook, with no diagnosis and no step left
 * inconclusive. "No rule found a cause" is could-not-tell, never healthy. Both end with outcome
 * inconclusive (exit 2); {@code run --detailed-exit-code} exits {@link #HEALTHY_EXIT} for healthy.
 */
public enum Conclusion {
    DIAGNOSED, HEALTHY, COULD_NOT_TELL, ERROR;

    /** The exit code of a healthy conclusion, with {@code run --detailed-exit-code} only. */
    public static final int HEALTHY_EXIT = 3;

    /** diagnosed, healthy, could-not-tell, error: as JSON, transcripts and expect.yaml write it. */
    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The conclusion an outcome has without proof of health: diagnosed, error, or else could-not-tell. */
    public static Conclusion of(Outcome outcome) {
        return switch (outcome) {
            case DIAGNOSED -> DIAGNOSED;
            case ERROR -> ERROR;
            case INCONCLUSIVE, INTERRUPTED -> COULD_NOT_TELL;
        };
    }

    /** @return the conclusion of that wire name, or null for null or a name not known */
    public static Conclusion fromWireName(String name) {
        if (name == null) return null;
        for (Conclusion c : values()) if (c.wireName().equals(name)) return c;
        return null;
    }
}
