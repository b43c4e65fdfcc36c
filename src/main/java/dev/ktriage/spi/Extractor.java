package dev.ktriage.spi;

import java.util.Map;
import java.util.Set;

/**
 * Takes a named value out of a step's evidence. Built-in types (json, regex, lines, count, value)
 * and plugin types are registered the same way, through {@link java.util.ServiceLoader}.
 *
 * <p>In a playbook: {@code extract: {podIP: {json: status.podIP}}} — the key naming the type holds
 * its main argument, the other keys are options from {@link #options()}.
 */
public interface Extractor {

    /** The type name used in playbooks; lowercase words joined by '-'. */
    String type();

    /** Option keys accepted besides the type key. */
    default Set<String> options() {
        return Set.of();
    }

    /**
     * Checks the argument and options once, at load time.
     *
     * @throws IllegalArgumentException with a one-line message when they are not valid
     */
    Compiled compile(String argument, Map<String, String> options);

    /** A checked extractor, ready to run on evidence. Must be pure. */
    interface Compiled {
        Extracted extract(EvidenceView evidence);
    }
}
