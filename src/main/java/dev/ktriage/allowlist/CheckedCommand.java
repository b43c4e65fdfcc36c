package dev.ktriage.allowlist;

import java.util.List;

/**
 * A node command the allow-list admitted.
 *
 * @param output how its answer must be read before anything records or shows it
 */
public record CheckedCommand(List<String> argv, Output output) {

    public enum Output {
        /** As it comes (the redactor still runs over it). */
        TEXT,
        /** A kubeconfig: only what {@link KubeconfigReader} keeps. */
        KUBECONFIG
    }

    /** The answer as it may be kept. */
    public String read(String stdout) {
        return output == Output.KUBECONFIG ? KubeconfigReader.keep(stdout) : stdout;
    }
}
