package dev.ktriage.playbook;

import java.util.regex.Pattern;

/**
 * A sign in the cluster that suggests a playbook: a Warning event with this {@code reason} whose
 * message matches {@code message} (any message when null).
 */
public record Symptom(String reason, Pattern message, String says) {
}
