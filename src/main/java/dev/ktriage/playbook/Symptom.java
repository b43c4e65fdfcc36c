package dev.ktriage.playbook;

import java.util.regex.Pattern;

/**
 * A sign in the cluster that suggests a playbook, for {@code ktriage triage}: either Warning events
 * with this {@code reason} whose message matches {@code message} (any message when null), or an
 * APIService that is not Available.
 *
 * @param weight how strongly the sign points at this playbook (1 = it is the playbook's own symptom)
 */
public record Symptom(String reason, Pattern message, String apiService, double weight, String says) {

    public boolean isEvent() {
        return reason != null;
    }
}
