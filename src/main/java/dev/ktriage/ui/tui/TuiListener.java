package dev.ktriage.ui.tui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import java.util.Map;

/**
 * Engine events, called on the engine thread, turned into state changes posted to the GUI thread.
 * Evidence is formatted here, off the GUI thread, so a large answer never stalls the screen.
 */
final class TuiListener implements SessionListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final GuiQueue gui;

    TuiListener(GuiQueue gui) {
        this.gui = gui;
    }

    @Override
    public void stepStarted(String stepId, String title, String explain, String command) {
        gui.post(s -> s.stepStarted(stepId, title, explain, command));
    }

    @Override
    public void clusterExchange(String stepId, ClusterRequest request, ClusterAnswer answer) {
        String text;
        if (answer.status().isFailure()) text = "! " + answer.reason();
        else if (answer.body() != null) text = pretty(answer.body());
        else text = answer.text();
        gui.post(s -> s.evidence(stepId, text));
    }

    @Override
    public void nodeExchange(String stepId, NodeCommand command, NodeAnswer answer) {
        StringBuilder b = new StringBuilder();
        if (answer.status().isFailure()) b.append("! ").append(answer.reason());
        else {
            b.append(answer.stdout());
            if (answer.stderr() != null && !answer.stderr().isBlank()) {
                answer.stderr().lines().forEach(l -> b.append("\nstderr: ").append(l));
            }
            if (answer.exitCode() != 0) b.append("\n(exit ").append(answer.exitCode()).append(')');
        }
        String text = b.toString();
        gui.post(s -> s.evidence(stepId, text));
    }

    @Override
    public void stepFinished(StepRecord step) {
        gui.post(s -> s.stepFinished(step));
    }

    @Override
    public void handedOff(String fromPlaybook, String toPlaybook, Map<String, String> inputs) {
        gui.post(s -> s.notice = "handed off from " + fromPlaybook + " to " + toPlaybook + " " + inputs);
    }

    @Override
    public void diagnosed(Diagnosis diagnosis) {
        gui.post(s -> s.diagnosed(diagnosis));
    }

    private static String pretty(Object json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            return String.valueOf(json);
        }
    }
}
