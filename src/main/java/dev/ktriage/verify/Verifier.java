package dev.ktriage.verify;

import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.Evidence;
import dev.ktriage.engine.GatherRunner;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.StepDecider;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.playbook.DiagnosisSpec;
import dev.ktriage.playbook.Let;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.Step;
import dev.ktriage.playbook.Verification;
import dev.ktriage.playbook.lang.Absent;
import dev.ktriage.playbook.lang.Unavailable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-reads, live, the facts each diagnosis of a session rests on, as its playbook's {@code verify:}
 * block declares them: each check's step gathers again with the values the session had when it made
 * the diagnosis (updated by the steps re-run before it), and the check says whether the fact still
 * holds. Reads go through the same gateways, allow-list and listener (the verify's transcript) as a
 * session's; nothing is written to the cluster or the nodes.
 */
public final class Verifier {

    /** The step id prefix under which a verify's reads are recorded. */
    public static final String STEP_PREFIX = "verify:";

    private final PlaybookCatalog catalog;
    private final FirstSession first;
    private final GatherRunner gathers;
    private final Clock clock;

    public Verifier(PlaybookCatalog catalog, FirstSession first, ClusterGateway cluster, NodeGateway nodes, SessionListener listener, Clock clock) {
        this.catalog = catalog;
        this.first = first;
        this.gathers = new GatherRunner(cluster, nodes, listener);
        this.clock = clock;
    }

    public Round round(int number) {
        List<DiagnosisVerdict> out = new ArrayList<>();
        for (Diagnosis d : first.diagnoses()) out.add(verify(d));
        return new Round(number, clock.instant(), out);
    }

    private DiagnosisVerdict verify(Diagnosis d) {
        Playbook playbook = catalog.find(d.playbook()).orElse(null);
        DiagnosisSpec spec = playbook == null ? null : playbook.diagnoses().get(d.id());
        if (spec == null || spec.verify() == null) return DiagnosisVerdict.undeclared(d.id(), d.playbook());
        Verification v = spec.verify();
        Reads reads = new Reads(playbook, new HashMap<>(first.values().getOrDefault(d.id(), Map.of())));
        List<CheckResult> results = new ArrayList<>();
        List<Verification.Check> all = new ArrayList<>(v.facts());
        all.addAll(v.durable());
        for (int i = 0; i < all.size(); i++) {
            Verification.Check c = all.get(i);
            CheckResult.Kind kind = i < v.facts().size() ? CheckResult.Kind.FACT : CheckResult.Kind.DURABLE;
            Map<String, Object> values = reads.after(c.step());
            if (values == null) {
                results.add(new CheckResult(d.id(), kind, c.step(), CheckResult.State.UNKNOWN,
                        "step '" + c.step() + "' could not be re-read: " + reads.failed.get(c.step()), reads.commands.get(c.step())));
                continue;
            }
            for (Let let : c.lets()) {
                Object value;
                try {
                    value = let.value().value(values);
                } catch (Unavailable u) {
                    value = new Absent(u.getMessage());
                }
                values.put(let.name(), value);
                reads.checkLets.put(let.name(), value);
            }
            results.add(check(d.id(), kind, c, values, reads.commands.get(c.step())));
        }
        return DiagnosisVerdict.of(d.id(), d.playbook(), v.fixedWhen(), results);
    }

    /**
     * The steps re-read for one diagnosis: each once, in the order the checks name them, with the
     * session's values updated by the steps re-read before it and the checks' lets so far.
     */
    private final class Reads {
        final Playbook playbook;
        final Map<String, Object> state;
        final Map<String, Map<String, Object>> afterStep = new HashMap<>();
        final Map<String, String> failed = new HashMap<>();
        final Map<String, String> commands = new HashMap<>();
        final Map<String, Object> checkLets = new HashMap<>();

        Reads(Playbook playbook, Map<String, Object> state) {
            this.playbook = playbook;
            this.state = state;
        }

        /** The values right after the step's re-read, with the checks' lets so far (a copy); null when the read failed. */
        Map<String, Object> after(String stepId) {
            if (!afterStep.containsKey(stepId) && !failed.containsKey(stepId)) {
                Step step = playbook.steps().get(stepId);
                state.putAll(checkLets);
                commands.put(stepId, command(step, state));
                Evidence e = gathers.run(STEP_PREFIX + stepId, step.gather(), state);
                if (e.failed()) {
                    failed.put(stepId, e.reason());
                } else {
                    state.putAll(StepDecider.values(step, e));
                    afterStep.put(stepId, new HashMap<>(state));
                }
            }
            if (failed.containsKey(stepId)) return null;
            Map<String, Object> values = new HashMap<>(afterStep.get(stepId));
            values.putAll(checkLets);
            return values;
        }
    }

    private static CheckResult check(String diagnosis, CheckResult.Kind kind, Verification.Check c, Map<String, Object> values, String command) {
        boolean holds;
        try {
            holds = c.holds().holds(values);
        } catch (Unavailable u) {
            return new CheckResult(diagnosis, kind, c.step(), CheckResult.State.UNKNOWN,
                    "`" + c.holds().source() + "` could not be decided: " + u.getMessage(), command);
        }
        String says;
        try {
            says = c.says().render(values).strip();
        } catch (Unavailable u) {
            says = "`" + c.holds().source() + "` " + (holds ? "holds" : "does not hold") + " (its words could not be written: " + u.getMessage() + ")";
        }
        return new CheckResult(diagnosis, kind, c.step(), holds ? CheckResult.State.HOLDS : CheckResult.State.GONE, says, command);
    }

    private String command(Step step, Map<String, Object> state) {
        try {
            return gathers.command(step.gather(), state);
        } catch (Unavailable u) {
            return null;
        }
    }
}
