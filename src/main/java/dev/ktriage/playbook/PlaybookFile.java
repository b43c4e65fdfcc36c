package dev.ktriage.playbook;

/** A playbook's text and the name errors use for it ({@code playbooks/failing-probes.yaml}). */
public record PlaybookFile(String displayName, String text, String origin) {
}
