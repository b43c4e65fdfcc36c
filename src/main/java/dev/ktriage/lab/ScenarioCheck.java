package dev.ktriage.lab;

import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.Operator;
import dev.ktriage.engine.SessionEngine;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.lab.scenario.Expectation;
import dev.ktriage.lab.scenario.Scenario;
import dev.ktriage.lab.scenario.ScenarioLoader;
import dev.ktriage.playbook.PlaybookCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a scenario's expect.yaml on its lab and says whether the session concluded what it must:
 * the expected diagnosis reached (or none for {@code diagnosis: none}), none of {@code mustNotReach},
 * and every node command answered by the scenario.
 */
public final class ScenarioCheck {

    /**
     * @param passed false with {@code problem} saying what differed, in one line
     * @param result the session the scenario ran (what {@code --coverage} counts), or null when it did not run
     */
    public record Verdict(Path scenario, boolean passed, String problem, List<String> diagnoses, String playbook, SessionResult result) {

        /** A scenario that did not run. */
        public Verdict(Path scenario, boolean passed, String problem, List<String> diagnoses) {
            this(scenario, passed, problem, diagnoses, null, null);
        }
    }

    private final PlaybookCatalog catalog;
    private final Function<Map<String, String>, Operator> operators;

    /** @param operators the batch operator for a scenario's answers (kept out of this package's dependencies) */
    public ScenarioCheck(PlaybookCatalog catalog, Function<Map<String, String>, Operator> operators) {
        this.catalog = catalog;
        this.operators = operators;
    }

    /** A diagnosis as a run concluded it: its id, confidence and everything it says. */
    public record Concluded(String id, String confidence, String text) {
    }

    /**
     * What differs between a run's conclusion and the expectation, one line each (empty: it holds):
     * shared by {@code plugin test} and the tests that run scenarios through the command line.
     */
    public static List<String> problems(Expectation x, List<Concluded> diagnoses, String reason) {
        return problems(x, diagnoses, reason, null);
    }

    /**
     * @param conclusion the run's conclusion as JSON writes it (diagnosed, healthy, could-not-tell), or
     *                   null when the caller does not know it: then an expected {@code conclusion} fails
     */
    public static List<String> problems(Expectation x, List<Concluded> diagnoses, String reason, String conclusion) {
        List<String> ids = diagnoses.stream().map(Concluded::id).toList();
        List<String> problems = new ArrayList<>();
        if (x.conclusion() != null && !x.conclusion().equals(conclusion)) {
            problems.add("expected conclusion " + x.conclusion() + ", got " + (conclusion == null ? "none reported" : conclusion)
                    + (reason == null || reason.isBlank() ? "" : " (" + reason + ")"));
        }
        if (x.diagnosis().equals("none")) {
            if (!ids.isEmpty()) problems.add("expected no diagnosis, got " + ids);
        } else if (!ids.contains(x.diagnosis())) {
            problems.add("expected " + x.diagnosis() + ", got " + (ids.isEmpty() ? "none (" + reason + ")" : ids));
        }
        for (String forbidden : x.mustNotReach()) if (ids.contains(forbidden)) problems.add("reached " + forbidden + ", which it must not");
        if (x.confidence() != null) {
            for (Concluded d : diagnoses) {
                if (d.id().equals(x.diagnosis()) && !d.confidence().equals(x.confidence())) {
                    problems.add(d.id() + " has confidence " + d.confidence() + ", expected " + x.confidence());
                }
            }
        }
        StringBuilder said = new StringBuilder(reason == null ? "" : reason);
        for (Concluded d : diagnoses) said.append('\n').append(d.text());
        for (String text : x.mustNotSay()) if (said.indexOf(text) >= 0) problems.add("says \"" + text + "\", which it must not");
        for (String text : x.mustSay()) if (said.indexOf(text) < 0) problems.add("does not say \"" + text + "\"");
        return problems;
    }

    public Verdict check(Path dir) {
        Scenario scenario = ScenarioLoader.load(dir);
        Expectation x = scenario.expect().orElse(null);
        if (x == null) return new Verdict(dir, false, "no expect.yaml", List.of());
        if (x.diagnosis() == null) return new Verdict(dir, false, "expect.yaml names no diagnosis (use 'none' for a healthy scenario)", List.of());
        if (catalog.find(x.playbook()).isEmpty()) return new Verdict(dir, false, "unknown playbook '" + x.playbook() + "'", List.of());
        Map<String, String> answers = new LinkedHashMap<>(x.answers());
        answers.putAll(x.set());
        try (Lab lab = Lab.start(scenario);
             ClusterGateway cluster = lab.clusterGateway(Duration.ofSeconds(15));
             NodeGateway nodes = lab.nodeGateway()) {
            SessionResult r = new SessionEngine(catalog, cluster, nodes, operators.apply(answers), new SessionListener() { }, null)
                    .run(x.playbook(), x.set());
            List<String> ids = r.diagnoses().stream().map(Diagnosis::id).toList();
            List<Concluded> concluded = r.diagnoses().stream().map(d -> new Concluded(d.id(), d.confidence(),
                    d.summary() + "\n" + d.remedy() + "\n" + String.join("\n", d.evidence()))).toList();
            List<String> problems = new ArrayList<>(problems(x, concluded, r.reason(), r.conclusion().wireName()));
            if (!lab.unansweredCommands().isEmpty()) problems.add("commands the scenario does not answer: " + lab.unansweredCommands());
            return new Verdict(dir, problems.isEmpty(), String.join("; ", problems), ids, x.playbook(), r);
        }
    }
}
