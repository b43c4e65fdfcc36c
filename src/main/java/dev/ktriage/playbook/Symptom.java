package dev.ktriage.playbook;

import java.util.regex.Pattern;

/**
 * A sign in the cluster that suggests a playbook, for {@code ktriage triage}: Warning events with
 * this {@code reason} whose message matches {@code message} (any message when null), an APIService
 * that is not Available, or a {@code raw} API path that fails or lists nothing (the metrics API
 * answering no nodes, as {@code kubectl top} sees it).
 *
 * @param weight how strongly the sign points at this playbook (1 = it is the playbook's own symptom)
 */
public record Symptom(String reason, Pattern message, String apiService, String raw, double weight, String says) {

    public boolean isEvent() {
        return reason != null;
    }
}
