package dev.ktriage.gateway;

/**
 * Asks the cluster whether the current credentials may do something, without doing it
 * (SelfSubjectAccessReview: the one create a read-only tool makes; it stores nothing).
 * Never throws: a failed review is a verdict with {@code allowed == null}.
 */
@FunctionalInterface
public interface AccessReviewer {

    AccessVerdict review(AccessCheck check);
}
