package dev.ktriage.lab.ssh;

/**
 * The answer to a simple form ({@code sysctl}, {@code cat}, {@code test}, {@code ls}) from the
 * node's {@code sysctls} and {@code files}.
 *
 * @param found false when a key or path is missing: the scenario's {@code commands} are then
 *              tried first, and this realistic not-found answer is used only when none matches
 */
record SimpleAnswer(NodeReply reply, boolean found) {

    static SimpleAnswer found(String stdout) {
        return new SimpleAnswer(NodeReply.of(stdout, "", 0), true);
    }

    static SimpleAnswer missing(String stdout, String stderr, int exit) {
        return new SimpleAnswer(NodeReply.of(stdout, stderr, exit), false);
    }
}
