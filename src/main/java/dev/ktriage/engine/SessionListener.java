package dev.ktriage.engine;

import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import java.util.Map;

/**
 * Everything a session does, as it happens: the transcript writes it down, the interfaces show it.
 * Default methods do nothing so a listener implements only what it needs.
 */
public interface SessionListener {

    /** @param namespace the namespace inputs given without one are read in */
    default void sessionStarted(String playbook, Map<String, String> inputs, String namespace) {}

    default void stepStarted(String stepId, String title, String explain, String command) {}

    default void clusterExchange(String stepId, ClusterRequest request, ClusterAnswer answer) {}

    default void nodeExchange(String stepId, NodeCommand command, NodeAnswer answer) {}

    /**
     * As above, with how the read was really made when it was not over SSH ({@code kubectl get --raw
     * '/api/v1/nodes/N/proxy/logs/?query=kubelet'} for node access api); null over SSH.
     */
    default void nodeExchange(String stepId, NodeCommand command, NodeAnswer answer, String via) {
        nodeExchange(stepId, command, answer);
    }

    /** A fan-out step's progress: {@code done} of {@code total} nodes have answered (or failed). Any thread. */
    default void nodesAnswered(String stepId, int done, int total) {}

    default void answered(String stepId, String questionId, String answer) {}

    default void stepFinished(StepRecord step) {}

    default void handedOff(String fromPlaybook, String toPlaybook, Map<String, String> inputs) {}

    default void diagnosed(Diagnosis diagnosis) {}

    /**
     * Right after {@link #diagnosed}: every value the session had when it made the diagnosis (what
     * {@code ktriage verify} re-runs its checks with). A read-only view of the walk's live values,
     * which change as the walk goes on: copy what you keep. Not written to transcripts.
     */
    default void diagnosisState(Diagnosis diagnosis, Map<String, Object> variables) {}

    default void sessionEnded(SessionResult result) {}

    /** The step id under which reads the operator makes outside the playbook's steps are recorded. */
    String OPERATOR_STEP = "(operator)";

    /**
     * Called once, before the first step, with the session's transcript, so that a front end
     * records there the reads its operator makes between steps (the REPL's get and ssh) under
     * {@link #OPERATOR_STEP}. The transcript closes when the session ends.
     */
    default void recordingTo(SessionListener transcript) {}

    /** Fans events out to several listeners, in order. */
    static SessionListener all(SessionListener... listeners) {
        return new SessionListeners(listeners);
    }
}
