package dev.ktriage.lab.scenario;

import java.util.Optional;

/**
 * How a lab's nodes answer a command line: the same answers whether the command comes over SSH
 * or, as a node log query, through the lab's API server (the kubelet runs journalctl for it).
 */
public interface NodeAnswers {

    /**
     * @param answered false when the scenario has no answer for the command (it is listed as unanswered)
     * @param delayMs  how long the node takes to answer (a reply slower than the command's timeout is its exit 124)
     */
    record Reply(String stdout, String stderr, int exit, boolean answered, long delayMs) {
    }

    /** The node's answer, or empty when the scenario has no such node. */
    Optional<Reply> run(String node, String commandLine);

    /** Whether the scenario has the node. */
    default boolean has(String node) {
        return false;
    }

    /** A lab without nodes. */
    NodeAnswers NONE = (node, line) -> Optional.empty();
}
