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
}
