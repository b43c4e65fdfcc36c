package dev.ktriage.engine;

import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import java.util.List;
import java.util.Map;

/** {@link SessionListener#all}: one listener that forwards to many. */
final class SessionListeners implements SessionListener {

    private final List<SessionListener> listeners;

    SessionListeners(SessionListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void sessionStarted(String playbook, Map<String, String> inputs, String namespace) {
        listeners.forEach(l -> l.sessionStarted(playbook, inputs, namespace));
    }

    @Override
    public void recordingTo(SessionListener transcript) {
        listeners.forEach(l -> l.recordingTo(transcript));
    }

    @Override
    public void stepStarted(String stepId, String title, String explain, String command) {
        listeners.forEach(l -> l.stepStarted(stepId, title, explain, command));
    }

    @Override
    public void clusterExchange(String stepId, ClusterRequest request, ClusterAnswer answer) {
        listeners.forEach(l -> l.clusterExchange(stepId, request, answer));
    }

    @Override
    public void nodeExchange(String stepId, NodeCommand command, NodeAnswer answer) {
        listeners.forEach(l -> l.nodeExchange(stepId, command, answer));
    }

    @Override
    public void nodeExchange(String stepId, NodeCommand command, NodeAnswer answer, String via) {
        listeners.forEach(l -> l.nodeExchange(stepId, command, answer, via));
    }

    @Override
    public void nodesAnswered(String stepId, int done, int total) {
        listeners.forEach(l -> l.nodesAnswered(stepId, done, total));
    }

    @Override
    public void answered(String stepId, String questionId, String answer) {
        listeners.forEach(l -> l.answered(stepId, questionId, answer));
    }

    @Override
    public void stepFinished(StepRecord step) {
        listeners.forEach(l -> l.stepFinished(step));
    }

    @Override
    public void handedOff(String fromPlaybook, String toPlaybook, Map<String, String> inputs) {
        listeners.forEach(l -> l.handedOff(fromPlaybook, toPlaybook, inputs));
    }

    @Override
    public void diagnosed(Diagnosis diagnosis) {
        listeners.forEach(l -> l.diagnosed(diagnosis));
    }

    @Override
    public void diagnosisState(Diagnosis diagnosis, Map<String, Object> variables) {
        listeners.forEach(l -> l.diagnosisState(diagnosis, variables));
    }

    @Override
    public void sessionEnded(SessionResult result) {
        listeners.forEach(l -> l.sessionEnded(result));
    }
}
