package dev.ktriage.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.cli.Cli;
import dev.ktriage.lab.scenario.Expectation;
import dev.ktriage.lab.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in scenario with an expect.yaml, run as a check outside the project would run it:
 * `ktriage run PLAYBOOK --lab DIR --set ... --output json`. A scenario that must reach a diagnosis
 * reaches it; a near miss or a healthy one does not.
 */
class ScenarioExpectationsTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyScenarioConcludesWhatItExpects() {
        List<BuiltInScenarios.Entry> all = BuiltInScenarios.all().stream()
                .filter(e -> ScenarioLoader.load(e.dir()).expect().isPresent()).toList();
        assertFalse(all.isEmpty(), "no scenarios found");
        return all.stream().map(e -> DynamicTest.dynamicTest(e.playbook() + "/" + e.name(), () -> check(e)));
    }

    private void check(BuiltInScenarios.Entry e) {
        Expectation x = ScenarioLoader.load(e.dir()).expect().orElseThrow();
        List<String> args = new ArrayList<>(List.of("run", x.playbook(), "--lab", e.dir().toString(), "--output", "json",
                "--transcript", tmp.resolve(e.name() + ".jsonl").toString()));
        for (Map.Entry<String, String> s : x.set().entrySet()) args.addAll(List.of("--set", s.getKey() + "=" + s.getValue()));
        for (Map.Entry<String, String> s : x.answers().entrySet()) args.addAll(List.of("--set", s.getKey() + "=" + s.getValue()));
        Cli r = Cli.run(args.toArray(String[]::new));
        JsonNode j = r.json();
        List<String> ids = new ArrayList<>();
        j.get("diagnoses").forEach(d -> ids.add(d.get("id").asText()));
        if (x.diagnosis() == null) throw new AssertionError(e.dir() + "/expect.yaml names no diagnosis");
        if (x.diagnosis().equals("none")) {
            assertEquals(2, r.exit(), r.toString());
            assertEquals(List.of(), ids);
        } else {
            assertEquals(0, r.exit(), r.toString());
            assertTrue(ids.contains(x.diagnosis()), "expected " + x.diagnosis() + " in " + ids + "\n" + r);
        }
        for (String forbidden : x.mustNotReach()) {
            assertFalse(ids.contains(forbidden), "near miss reached " + forbidden + "\n" + r);
        }
        assertFalse(j.has("unansweredCommands"), "scenario leaves commands unanswered: " + j.get("unansweredCommands"));
    }
}
