package dev.ktriage.ui;

import dev.ktriage.engine.Operator;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.SessionInfo;
import dev.ktriage.engine.SessionResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs one session to its end on the calling thread. The cli implements it (engine, gateways,
 * transcript); the interactive front ends only say who answers and who listens.
 */
public interface SessionLauncher {

    FinishedSession run(String playbook, Map<String, String> inputs, Operator operator, SessionListener listener);

    /** Where the sessions read inputs given without a namespace; ad-hoc reads and the preflight look there too. */
    default String namespace() {
        return "default";
    }

    /** What the node gateway asks of the API server for every node step (a debug pod's create, exec, delete); empty for SSH. */
    default List<dev.ktriage.gateway.AccessCheck> nodeStepNeeds() {
        return List.of();
    }

    /** A session's result and where its transcript was written. */
    /** @param info what the report's header says; null when not known */
    record FinishedSession(SessionResult result, Path transcript, SessionInfo info) {

        public FinishedSession(SessionResult result, Path transcript) {
            this(result, transcript, null);
        }
    }
}
