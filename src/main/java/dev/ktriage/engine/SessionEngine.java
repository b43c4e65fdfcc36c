package dev.ktriage.engine;

import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.playbook.DiagnosisSpec;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.Rule;
import dev.ktriage.playbook.Step;
import dev.ktriage.playbook.lang.Text;
import dev.ktriage.playbook.lang.Unavailable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a playbook to a diagnosis or to "inconclusive": gathers each step's evidence through the
 * gateways, lets {@link StepDecider} judge it, follows the rule that fired, asks the operator when
 * a step needs a human, and follows handoffs to other playbooks. One engine for TUI, REPL and batch.
 */
public final class SessionEngine {

    private static final int MAX_STEPS = 200;
    private static final int MAX_HANDOFFS = 4;

    private final PlaybookCatalog catalog;
    private final GatherRunner gathers;
    private final Operator operator;
    private final SessionListener listener;
    private final String defaultNamespace;

    public SessionEngine(PlaybookCatalog catalog, ClusterGateway cluster, NodeGateway nodes, Operator operator,
                         SessionListener listener, String defaultNamespace) {
        this.catalog = catalog;
        this.gathers = new GatherRunner(cluster, nodes, listener);
        this.operator = operator;
        this.listener = listener;
        this.defaultNamespace = defaultNamespace == null ? "default" : defaultNamespace;
    }

    public SessionResult run(String playbookId, Map<String, String> inputs) {
        Playbook playbook = catalog.require(playbookId);
        listener.sessionStarted(playbookId, inputs, defaultNamespace);
        Run run = new Run();
        String reason = null;
        try {
            walk(playbook, inputs, run, "");
        } catch (Operator.NoAnswerException e) {
            reason = e.getMessage();
        }
        if (reason == null && run.diagnoses.isEmpty()) reason = run.endReason;
        List<Diagnosis> diagnoses = new ArrayList<>(run.diagnoses);
        Collections.reverse(diagnoses); // found later = more specific
        SessionResult result = new SessionResult(playbookId, diagnoses.isEmpty() ? Outcome.INCONCLUSIVE : Outcome.DIAGNOSED,
                diagnoses, run.steps, diagnoses.isEmpty() ? reason : null);
        listener.sessionEnded(result);
        return result;
    }

    /** State of one session across handoffs. */
    private static final class Run {
        final List<StepRecord> steps = new ArrayList<>();
        final List<Diagnosis> diagnoses = new ArrayList<>();
        final List<String> evidenceChain = new ArrayList<>();
        String endReason;
        int handoffs;
    }

    private void walk(Playbook playbook, Map<String, String> inputs, Run run, String prefix) {
        Map<String, Object> vars = new HashMap<>(Inputs.variables(playbook, inputs, operator, defaultNamespace));
        Optional<Step> next = Optional.of(playbook.firstStep());
        while (next.isPresent()) {
            if (run.steps.size() >= MAX_STEPS) {
                run.endReason = "stopped after " + MAX_STEPS + " steps (a loop in playbook '" + playbook.id() + "'?)";
                return;
            }
            Step step = next.get();
            String stepId = prefix + step.id();
            String command = step.gather() == null ? null : preview(() -> gathers.command(step.gather(), vars));
            listener.stepStarted(stepId, step.title(), preview(() -> step.explain().render(vars)), command);

            Evidence evidence;
            if (step.gather() != null) {
                evidence = gathers.run(stepId, step.gather(), vars);
            } else {
                if (step.ask() != null) {
                    String answer = operator.answer(step.ask().id(), preview(() -> step.ask().text().render(vars)), step.ask().choices());
                    listener.answered(stepId, step.ask().id(), answer);
                    vars.put(step.ask().id(), answer);
                }
                evidence = Evidence.none(vars);
            }
            if (evidence.failed()) {
                record(run, new StepRecord(stepId, step.title(), StepStatus.INCONCLUSIVE, null, "", evidence.reason(),
                        List.of(), List.of(), command));
                run.endReason = "step '" + stepId + "' inconclusive: " + evidence.reason();
                // Only the author knows where a session can go on without this evidence; guessing
                // (the next step written) could walk into a conclusion nothing supports.
                if (step.onFailure() == null) return;
                next = playbook.step(step.onFailure());
                continue;
            }
            Decision d = StepDecider.decide(step, evidence);
            vars.putAll(d.extracted());
            Rule r = d.fired();
            if (r == null) {
                record(run, new StepRecord(stepId, step.title(), StepStatus.INCONCLUSIVE, null, "",
                        "no rule of this step matched the evidence", List.of(), d.ruledOut(), command));
                run.endReason = "step '" + stepId + "': no rule matched the evidence";
                return;
            }
            record(run, new StepRecord(stepId, step.title(), StepStatus.DONE, r.finding(), d.says(), null, d.quotes(),
                    d.ruledOut(), command));
            if (!d.says().isBlank()) run.evidenceChain.add(d.says());
            for (String q : d.quotes()) run.evidenceChain.add("> " + q.strip());
            for (String id : r.diagnose()) diagnose(playbook.diagnoses().get(id), playbook, vars, run);
            if (r.handoff() != null) {
                handoff(playbook, r.handoff(), vars, run, prefix);
                return;
            }
            if (r.end() || r.gotoStep() == null) {
                if (run.diagnoses.isEmpty() && run.endReason == null) run.endReason = d.says().isBlank() ? "no cause found" : d.says();
                return;
            }
            next = playbook.step(r.gotoStep());
        }
    }

    /** Text shown before a step runs: a value that cannot be had shows as what is missing, never as nothing. */
    private static String preview(java.util.function.Supplier<String> text) {
        try {
            return text.get();
        } catch (Unavailable e) {
            return "<" + e.getMessage() + ">";
        }
    }

    private void record(Run run, StepRecord s) {
        run.steps.add(s);
        listener.stepFinished(s);
    }

    private void diagnose(DiagnosisSpec spec, Playbook playbook, Map<String, Object> vars, Run run) {
        Diagnosis d = new Diagnosis(spec.id(), spec.title(), spec.confidence(), spec.summary().render(vars).strip(),
                run.evidenceChain, spec.remedy().render(vars).strip(), playbook.id());
        run.diagnoses.add(d);
        listener.diagnosed(d);
    }

    private void handoff(Playbook from, Rule.Handoff h, Map<String, Object> vars, Run run, String prefix) {
        if (++run.handoffs > MAX_HANDOFFS) {
            run.endReason = "too many handoffs (a cycle between playbooks?)";
            return;
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, Text> e : h.set().entrySet()) inputs.put(e.getKey(), e.getValue().render(vars));
        listener.handedOff(from.id(), h.playbook(), inputs);
        walk(catalog.require(h.playbook()), inputs, run, prefix + h.playbook() + "/");
    }
}
