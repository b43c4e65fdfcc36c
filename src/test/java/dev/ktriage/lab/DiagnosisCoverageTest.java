package dev.ktriage.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ktriage.lab.scenario.Expectation;
import dev.ktriage.lab.scenario.ScenarioLoader;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.plugin.PluginLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every diagnosis a built-in playbook declares has a scenario that must reach it and a near miss
 * that must not (ScenarioExpectationsTest runs them), and every playbook has a healthy scenario.
 */
class DiagnosisCoverageTest {

    @Test
    void everyDiagnosisHasAScenarioAndANearMissEveryPlaybookAHealthyOne() {
        Set<String> reached = new HashSet<>();
        Set<String> guarded = new HashSet<>();
        Set<String> healthy = new HashSet<>();
        for (BuiltInScenarios.Entry e : BuiltInScenarios.all()) {
            Expectation x = ScenarioLoader.load(e.dir()).expect().orElse(null);
            if (x == null) continue;
            reached.add(x.diagnosis());
            guarded.addAll(x.mustNotReach());
            if ("none".equals(x.diagnosis())) healthy.add(x.playbook());
        }
        List<String> missing = new ArrayList<>();
        for (Playbook p : PluginLoader.load(List.of()).catalog().all()) {
            if (!healthy.contains(p.id())) missing.add(p.id() + ": no scenario that ends with no diagnosis");
            for (String d : p.diagnoses().keySet()) {
                if (!reached.contains(d)) missing.add(p.id() + "/" + d + ": no scenario reaches it");
                if (!guarded.contains(d)) missing.add(p.id() + "/" + d + ": no near miss (mustNotReach) guards it");
            }
        }
        assertEquals(List.of(), missing);
    }

    /** A playbook with a rule that concludes healthy has a scenario that must conclude healthy and one that must not tell. */
    @Test
    void everyPlaybookThatCanConcludeHealthyHasAHealthyAndACouldNotTellScenario() {
        Set<String> healthy = new HashSet<>();
        Set<String> couldNotTell = new HashSet<>();
        for (BuiltInScenarios.Entry e : BuiltInScenarios.all()) {
            Expectation x = ScenarioLoader.load(e.dir()).expect().orElse(null);
            if (x == null || x.conclusion() == null) continue;
            if (x.conclusion().equals("healthy")) healthy.add(x.playbook());
            if (x.conclusion().equals("could-not-tell")) couldNotTell.add(x.playbook());
        }
        List<String> missing = new ArrayList<>();
        List<String> marking = new ArrayList<>();
        for (Playbook p : PluginLoader.load(List.of()).catalog().all()) {
            if (p.steps().values().stream().noneMatch(s -> s.rules().stream().anyMatch(r -> r.healthy()))) continue;
            marking.add(p.id());
            if (!healthy.contains(p.id())) missing.add(p.id() + ": no scenario with 'conclusion: healthy'");
            if (!couldNotTell.contains(p.id())) missing.add(p.id() + ": no scenario with 'conclusion: could-not-tell'");
        }
        assertEquals(List.of(), missing);
        assertEquals(List.of("failing-probes", "martian-source", "node-sysctl-drift", "sysctl-forbidden"), marking.stream().sorted().toList());
    }
}
