package dev.ktriage.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.cli.Cli;
import dev.ktriage.lab.scenario.Expectation;
import dev.ktriage.lab.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in scenario with an expect.yaml, run as a check outside the project would run it:
 * `ktriage run PLAYBOOK --lab DIR --set ... --output json`. A scenario that must reach a diagnosis
 * reaches it; a near miss or a healthy one does not. A reverse-path (rp_filter) diagnosis must
 * carry a martian line or the route back in its evidence chain.
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

    /**
     * The facts a reverse-path drop rests on: a kernel line that logged it, or the node's route
     * back to the source (`ip route get` output, or its answer that there is none). A setting alone
     * is never one.
     */
    static boolean dropOrRouteFact(String line) {
        if (!line.startsWith("> ")) return line.contains("has no route back to");
        return line.contains("martian source") || ROUTE.matcher(line.substring(2)).find();
    }

    private static final Pattern ROUTE = Pattern.compile("^[0-9a-f.:]+ (?:from \\S+ )?(?:via \\S+ )?dev \\S+");

    /** No plugin can reach a reverse-path diagnosis other than through the built-ins walked above. */
    @Test
    void noPluginDiagnosesReversePathFilteringOrHandsOffToIt() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("plugins"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("playbook.yaml")).toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains("rp-filter") || text.contains("playbook: martian-source") || text.contains("playbook: failing-probes"),
                        f + " reaches a reverse-path diagnosis: walk its scenarios for the route or martian fact too");
            }
        }
    }

    private void check(BuiltInScenarios.Entry e) {
        Expectation x = ScenarioLoader.load(e.dir()).expect().orElseThrow();
        List<String> args = new ArrayList<>(List.of("run", x.playbook(), "--lab", e.dir().toString(), "--output", "json",
                "--transcript", tmp.resolve(e.name() + ".jsonl").toString()));
        for (Map.Entry<String, String> s : x.set().entrySet()) args.addAll(List.of("--set", s.getKey() + "=" + s.getValue()));
        for (Map.Entry<String, String> s : x.answers().entrySet()) args.addAll(List.of("--set", s.getKey() + "=" + s.getValue()));
        Cli r = Cli.run(args.toArray(String[]::new));
        JsonNode j = r.json();
        if (x.diagnosis() == null) throw new AssertionError(e.dir() + "/expect.yaml names no diagnosis");
        List<ScenarioCheck.Concluded> concluded = new ArrayList<>();
        for (JsonNode d : j.get("diagnoses")) {
            List<String> text = new ArrayList<>(List.of(d.get("summary").asText(), d.get("remedy").asText()));
            d.get("evidence").forEach(l -> text.add(l.asText()));
            concluded.add(new ScenarioCheck.Concluded(d.get("id").asText(), d.get("confidence").asText(), String.join("\n", text)));
        }
        assertEquals(x.diagnosis().equals("none") ? 2 : 0, r.exit(), r.toString());
        assertEquals(List.of(), ScenarioCheck.problems(x, concluded, j.path("reason").asText(""), j.path("conclusion").asText(null)),
                r.toString());
        for (JsonNode d : j.get("diagnoses")) {
            if (!d.get("id").asText().contains("rp-filter")) continue;
            List<String> lines = new ArrayList<>();
            d.get("evidence").forEach(l -> lines.add(l.asText()));
            assertTrue(lines.stream().anyMatch(ScenarioExpectationsTest::dropOrRouteFact),
                    e.dir() + ": " + d.get("id").asText() + " without a martian line or the route back in its evidence: " + lines);
        }
        assertFalse(j.has("unansweredCommands"), "scenario leaves commands unanswered: " + j.get("unansweredCommands"));
    }
}
