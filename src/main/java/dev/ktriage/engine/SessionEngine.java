package dev.ktriage.engine;

import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.playbook.DiagnosisSpec;
import dev.ktriage.playbook.ForEach;
import dev.ktriage.playbook.lang.Absent;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.Rule;
import dev.ktriage.playbook.Step;
import dev.ktriage.playbook.lang.Text;
import dev.ktriage.playbook.lang.Unavailable;
import java.time.Instant;
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

    private static final int MAX_STEPS = 10_000;
    /** Steps one walk may take: more is a goto loop. */
    private static final int MAX_WALK = 200;
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
        boolean answered = true;
        try {
            walk(playbook, inputs, run, "");
        } catch (Operator.NoAnswerException e) {
            reason = e.getMessage();
            answered = false;
        }
        if (reason == null && run.diagnoses.isEmpty()) reason = run.endReason;
        List<Diagnosis> diagnoses = new ArrayList<>(run.diagnoses);
        Collections.reverse(diagnoses); // found later = more specific
        Outcome outcome = diagnoses.isEmpty() ? Outcome.INCONCLUSIVE : Outcome.DIAGNOSED;
        if (operator.stopRequested()) {
            // what was found before the stop stays in the result, but the walk did not end where the playbook ends it
            outcome = Outcome.INTERRUPTED;
            reason = run.stoppedAt != null ? run.stoppedAt : "the operator stopped the session"
                    + (run.steps.isEmpty() ? "" : " during step '" + run.steps.get(run.steps.size() - 1).id() + "'");
        }
        Conclusion conclusion = Conclusion.of(outcome);
        if (outcome == Outcome.INCONCLUSIVE && answered && run.healthyEnd != null) {
            StepRecord unread = run.steps.stream().filter(s -> s.status() == StepStatus.INCONCLUSIVE).findFirst().orElse(null);
            if (unread == null) {
                conclusion = Conclusion.HEALTHY;
            } else {
                // proof before "healthy": a read that failed on the way leaves it unproven
                String said = run.healthyEnd.matches("(?s).*[.!?]$") ? run.healthyEnd : run.healthyEnd + ".";
                reason = said + " This session does not establish that it is healthy: step '" + unread.id() + "' was inconclusive ("
                        + unread.reason() + ").";
            }
        }
        SessionResult result = new SessionResult(playbookId, outcome, diagnoses, run.steps,
                outcome == Outcome.DIAGNOSED ? null : reason, conclusion);
        listener.sessionEnded(result);
        return result;
    }

    /** State of one session across handoffs. */
    private static final class Run {
        final List<StepRecord> steps = new ArrayList<>();
        final List<Diagnosis> diagnoses = new ArrayList<>();
        final List<String> evidenceChain = new ArrayList<>();
        /** The chain with where each fact came from, and what was excluded on the way. */
        final List<Fact> facts = new ArrayList<>();
        final List<Exclusion> excluded = new ArrayList<>();
        String endReason;
        /**
         * What the rule that ended the session said, when it concludes healthy ({@code healthy: true})
         * in the session's own playbook; null otherwise.
         */
        String healthyEnd;
        /** Where the operator's stop took effect, or null. */
        String stoppedAt;
        int handoffs;
    }

    private void walk(Playbook playbook, Map<String, String> inputs, Run run, String prefix) {
        Map<String, Object> vars = new HashMap<>(Inputs.variables(playbook, inputs, operator, defaultNamespace));
        walkSteps(playbook, playbook.steps(), playbook.firstStep(), vars, run, prefix, false);
    }

    /**
     * Walks steps from {@code first} until a rule ends the walk. In a forEach group ({@code inGroup})
     * an end ends the item's walk, not the session. Returns the reason the walk was not clean (a step
     * inconclusive or undecided), or null.
     */
    private String walkSteps(Playbook playbook, Map<String, Step> steps, Step first, Map<String, Object> vars, Run run,
                             String prefix, boolean inGroup) {
        String unclean = null;
        Optional<Step> next = Optional.of(first);
        int walked = 0;
        while (next.isPresent()) {
            if (run.steps.size() >= MAX_STEPS || ++walked > MAX_WALK) {
                run.endReason = "stopped after " + walked + " steps (a loop in playbook '" + playbook.id() + "'?)";
                return run.endReason;
            }
            Step step = next.get();
            String stepId = prefix + step.id();
            if (stopped(run, stepId)) return run.endReason;
            String command = step.gather() == null ? null : preview(() -> gathers.command(step.gather(), vars));
            listener.stepStarted(stepId, step.title(), preview(() -> step.explain().render(vars)), command);
            // the REPL waits in stepStarted for `next`; `abort` ends the wait, and the step is not run
            if (stopped(run, stepId)) return run.endReason;

            Evidence evidence;
            if (step.gather() != null) {
                evidence = gathers.run(stepId, step.gather(), vars);
            } else {
                if (step.ask() != null) {
                    String answer = operator.answer(step.ask().id(), preview(() -> step.ask().text().render(vars)), step.ask().choices());
                    listener.answered(stepId, step.ask().id(), answer);
                    vars.put(step.ask().id(), answer);
                }
                if (step.forEach() != null) {
                    String why = forEach(playbook, step, vars, run, stepId);
                    if (why != null) {
                        unclean = inconclusive(run, stepId, step, why, command);
                        next = step.onFailure() == null ? Optional.empty() : Optional.ofNullable(steps.get(step.onFailure()));
                        continue;
                    }
                }
                evidence = Evidence.none(vars);
            }
            if (evidence.failed()) {
                unclean = inconclusive(run, stepId, step, evidence.reason(), command);
                // Only the author knows where a session can go on without this evidence; guessing
                // (the next step written) could walk into a conclusion nothing supports.
                if (step.onFailure() == null) return unclean;
                next = Optional.ofNullable(steps.get(step.onFailure()));
                continue;
            }
            Decision d = StepDecider.decide(step, evidence);
            vars.putAll(d.extracted());
            if (d.unavailable() != null) {
                unclean = inconclusive(run, stepId, step, d.unavailable(), command);
                if (step.onFailure() == null) return unclean;
                next = Optional.ofNullable(steps.get(step.onFailure()));
                continue;
            }
            Rule r = d.fired();
            if (r == null) {
                record(run, new StepRecord(stepId, step.title(), StepStatus.INCONCLUSIVE, null, "",
                        "no rule of this step matched the evidence", List.of(), d.ruledOut(), command));
                run.endReason = "step '" + stepId + "': no rule matched the evidence";
                return run.endReason;
            }
            List<Diagnosis> found;
            try {
                found = new ArrayList<>();
                for (String id : r.diagnose()) found.add(diagnosis(playbook.diagnoses().get(id), r.confidence(), playbook, vars, run));
            } catch (Unavailable u) {
                unclean = inconclusive(run, stepId, step, "cannot write the diagnosis: " + u.getMessage(), command);
                return unclean;
            }
            record(run, new StepRecord(stepId, step.title(), StepStatus.DONE, r.finding(), d.says(), null, d.quotes(),
                    d.ruledOut(), command, position(step, r)));
            if (!d.says().isBlank()) run.evidenceChain.add(d.says());
            for (String q : d.quotes()) run.evidenceChain.add("> " + q.strip());
            if (!d.says().isBlank() || !d.quotes().isEmpty()) {
                run.facts.add(new Fact(stepId, step.title(), d.says(), d.quotes().stream().map(String::strip).toList(),
                        Fact.source(command), command, Fact.node(command), Instant.now()));
            }
            for (Exclusion x : d.excluded()) run.excluded.add(x.inStep(stepId));
            for (Diagnosis diagnosis : found) {
                Diagnosis withChain = new Diagnosis(diagnosis.id(), diagnosis.title(), diagnosis.confidence(), diagnosis.summary(),
                        run.evidenceChain, diagnosis.remedy(), diagnosis.playbook(), run.facts, run.excluded);
                run.diagnoses.add(withChain);
                listener.diagnosed(withChain);
                listener.diagnosisState(withChain, Collections.unmodifiableMap(vars));
            }
            if (r.handoff() != null && !inGroup) {
                handoff(playbook, r.handoff(), vars, run, prefix);
                return unclean;
            }
            if (r.end() || r.gotoStep() == null) {
                if (!inGroup && run.diagnoses.isEmpty() && run.endReason == null) {
                    run.endReason = d.says().isBlank() ? "no cause found" : d.says();
                }
                // a playbook handed to checked one cause of the symptom that led to it: its "healthy"
                // is not the session's
                if (!inGroup && r.healthy() && run.handoffs == 0) {
                    run.healthyEnd = d.says().strip();
                }
                return unclean;
            }
            next = Optional.ofNullable(steps.get(r.gotoStep()));
        }
        return unclean;
    }

    /** Where the rule stands among the step's rules, from 1 (the same rule object, not an equal one). */
    private static Integer position(Step step, Rule r) {
        for (int i = 0; i < step.rules().size(); i++) if (step.rules().get(i) == r) return i + 1;
        return null;
    }

    /** True when the operator asked to stop: no further step starts. */
    private boolean stopped(Run run, String stepId) {
        if (!operator.stopRequested()) return false;
        if (run.stoppedAt == null) run.stoppedAt = "the operator stopped the session before step '" + stepId + "'";
        run.endReason = run.stoppedAt;
        return true;
    }

    private String inconclusive(Run run, String stepId, Step step, String reason, String command) {
        record(run, new StepRecord(stepId, step.title(), StepStatus.INCONCLUSIVE, null, "", reason, List.of(), List.of(), command));
        run.endReason = "step '" + stepId + "' inconclusive: " + reason;
        return run.endReason;
    }

    /**
     * Walks the step's group once per item, each walk in a scope of its own, and puts the list of
     * what each walk found (its variables, the item, {@code ok}, {@code reason}) in the collect
     * variable. Returns why the list to walk could not be had, or null.
     */
    private String forEach(Playbook playbook, Step step, Map<String, Object> vars, Run run, String stepId) {
        ForEach each = step.forEach();
        Object in;
        try {
            in = each.in().value(vars);
        } catch (Unavailable u) {
            return "no list to walk: " + u.getMessage();
        }
        if (!(in instanceof List<?> items)) return "`" + each.in().source() + "` is not a list";
        List<Object> collected = new ArrayList<>();
        for (Object item : items) {
            if (operator.stopRequested()) return "the operator stopped the session";
            Map<String, Object> scope = new HashMap<>(vars);
            scope.put(each.as(), item);
            String itemEnd = run.endReason;
            String why = walkSteps(playbook, each.steps(), each.firstStep(), scope, run, stepId + "[" + label(item) + "]/", true);
            run.endReason = itemEnd; // one item's end is not the session's
            Map<String, Object> found = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : scope.entrySet()) {
                boolean setInWalk = !vars.containsKey(e.getKey()) || vars.get(e.getKey()) != e.getValue();
                if (setInWalk && !(e.getValue() instanceof Absent) && !e.getKey().equals("response")) found.put(e.getKey(), e.getValue());
            }
            found.put(each.as(), item);
            found.put("ok", why == null);
            found.put("reason", why == null ? "" : why);
            collected.add(found);
        }
        vars.put(each.collect(), collected);
        return null;
    }

    /** How an item names its walk in step ids: a name, or its position. */
    private static String label(Object item) {
        if (item instanceof String s) return s;
        if (item instanceof Map<?, ?> m) {
            if (m.get("name") instanceof String s) return s;
            if (m.get("metadata") instanceof Map<?, ?> meta && meta.get("name") instanceof String s) return s;
        }
        return String.valueOf(item);
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

    /**
     * The diagnosis as the firing rule establishes it: the rule's confidence, when it says one, wins.
     *
     * @throws Unavailable when its summary, remedy or confidence needs a value that is not there
     */
    private Diagnosis diagnosis(DiagnosisSpec spec, Text ruleConfidence, Playbook playbook, Map<String, Object> vars, Run run) {
        String confidence = ruleConfidence != null ? ruleConfidence.render(vars).strip() : spec.confidence();
        if (!DiagnosisSpec.CONFIDENCES.contains(confidence)) {
            throw new Unavailable("confidence `" + ruleConfidence.source() + "` gives '" + confidence + "', not high, medium or low");
        }
        return new Diagnosis(spec.id(), spec.title(), confidence, spec.summary().render(vars).strip(),
                run.evidenceChain, spec.remedy().render(vars).strip(), playbook.id());
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
