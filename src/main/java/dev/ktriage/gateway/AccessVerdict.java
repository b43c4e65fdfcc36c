package dev.ktriage.gateway;

/**
 * The API server's answer to one {@link AccessCheck}. {@code allowed} is null when the review
 * itself failed (no access to reviews, API down): then nothing is known, and {@code reason} says why.
 */
public record AccessVerdict(AccessCheck check, Boolean allowed, String reason) {

    public boolean denied() {
        return Boolean.FALSE.equals(allowed);
    }

    public boolean unknown() {
        return allowed == null;
    }
}
