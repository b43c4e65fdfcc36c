package dev.ktriage.ui.tui;

import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.ui.EvidenceText;
import java.util.Map;

/**
 * Engine events, called on the engine thread, turned into state changes posted to the GUI thread.
 * Evidence is formatted here, off the GUI thread, so a large answer never stalls the screen.
 */
final class TuiListener implements SessionListener {

    private final GuiQueue gui;
    private final StepGate gate;

    TuiListener(GuiQueue gui) {
        this(gui, new StepGate(false));
    }

    TuiListener(GuiQueue gui, StepGate gate) {
        this.gui = gui;
        this.gate = gate;
    }

    /** The step is shown with its explanation and command; in step-through, it runs when the operator says. */
    @Override
    public void stepStarted(String stepId, String title, String explain, String command) {
        gui.post(s -> s.stepStarted(stepId, title, explain, command));
        try {
            gate.await(() -> gui.post(s -> s.pausedBefore(stepId)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // a stop: the engine finds it before the step runs
        } finally {
            gui.post(s -> s.pausedBefore(null));
        }
    }

    @Override
    public void clusterExchange(String stepId, ClusterRequest request, ClusterAnswer answer) {
        String text = EvidenceText.of(answer);
        gui.post(s -> s.evidence(stepId, text));
    }

    @Override
    public void nodesAnswered(String stepId, int done, int total) {
        gui.post(s -> s.nodesAnswered(stepId, done, total));
    }

    @Override
    public void nodeExchange(String stepId, NodeCommand command, NodeAnswer answer) {
        String text = EvidenceText.of(answer);
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
}
