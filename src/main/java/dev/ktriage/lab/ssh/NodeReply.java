package dev.ktriage.lab.ssh;

/**
 * How a lab node answers one command.
 *
 * @param delayMs    how long to wait before answering
 * @param unanswered true when the scenario had no answer (exit 127), so the lab can list it
 */
record NodeReply(String stdout, String stderr, int exit, long delayMs, boolean unanswered) {

    static final String NOT_IN_SCENARIO = "ktriage: command not in scenario\n";

    static NodeReply of(String stdout, String stderr, int exit) {
        return new NodeReply(stdout, stderr, exit, 0, false);
    }

    static NodeReply notInScenario() {
        return new NodeReply("", NOT_IN_SCENARIO, 127, 0, true);
    }

    NodeReply delayed(long delayMs) {
        return new NodeReply(stdout, stderr, exit, delayMs, unanswered);
    }
}
