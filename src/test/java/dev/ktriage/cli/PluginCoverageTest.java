package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `plugin test --coverage`: what a plugin's scenarios reach of its playbooks, as text and JSON. */
class PluginCoverageTest {

    private static final Path FIXTURES = Path.of("src/test/resources");

    @TempDir
    Path tmp;

    /** good-plugin with its healthy scenario left out: the rule that ends a healthy walk is reached by none. */
    private Path pluginWithoutItsHealthyScenario() throws IOException {
        Path plugin = tmp.resolve("good-plugin");
        Path source = FIXTURES.resolve("plugins/good-plugin");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                String rel = source.relativize(f).toString();
                if (rel.contains("scenarios/healthy")) continue;
                Path to = plugin.resolve(rel);
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        return plugin;
    }

    @Test
    void oneRuleNoScenarioReachesIsNamedInTextAndJson() throws IOException {
        Path plugin = pluginWithoutItsHealthyScenario();
        Cli r = Cli.run("plugin", "test", plugin.toString(), "--coverage");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of(
                "PASS playbooks/dns-timeouts/scenarios/timeouts  [resolver-timeout-too-long]",
                "Coverage (the union of what 1 scenario run(s) reached):",
                "dns-timeouts: steps 1/1, rules 1/2, branches 1/2, diagnoses 1/1 (1 scenario(s))",
                "  diagnoses reached: resolver-timeout-too-long",
                "  unreached rule resolv#2 (usual-timeout) -> end",
                "1 passed, 0 failed"), lines, r.toString());

        Cli json = Cli.run("plugin", "test", plugin.toString(), "--coverage", "-o", "json");
        assertEquals(0, json.exit(), json.toString());
        JsonNode j = json.json();
        // the fields plugin test always printed are still there
        assertEquals(1, j.get("passed").asInt());
        assertEquals(0, j.get("failed").asInt());
        assertEquals("playbooks/dns-timeouts/scenarios/timeouts", j.get("scenarios").get(0).get("scenario").asText());
        JsonNode p = j.get("coverage").get("playbooks").get(0);
        assertEquals("dns-timeouts", p.get("playbook").asText());
        assertEquals("steps 1/1, rules 1/2, branches 1/2, diagnoses 1/1", p.get("figure").asText());
        assertEquals(List.of("resolv"), texts(p.get("steps").get("reached")));
        assertEquals(2, p.get("rules").get("total").asInt());
        JsonNode unreached = p.get("rules").get("unreached");
        assertEquals(1, unreached.size(), unreached.toString());
        assertEquals("resolv#2", unreached.get(0).get("rule").asText());
        assertEquals("usual-timeout", unreached.get(0).get("finding").asText());
        assertEquals("end", unreached.get(0).get("to").asText());
        assertEquals("resolv#1", p.get("rules").get("reached").get(0).get("rule").asText());
        assertEquals("long-timeout", p.get("rules").get("reached").get(0).get("finding").asText());
        assertEquals(List.of("resolver-timeout-too-long"), texts(p.get("diagnoses").get("reached")));
        assertEquals(List.of(), texts(p.get("diagnoses").get("unreached")));

        Cli without = Cli.run("plugin", "test", plugin.toString(), "-o", "json");
        assertTrue(!without.json().has("coverage"), without.out());
    }

    /** A forEach group's steps are named STEP[]/INNER, whichever items the walks were over. */
    @Test
    void stepsOfAForEachGroupCountOnceWhateverTheItems() {
        Cli r = Cli.run("plugin", "test", FIXTURES.resolve("v2-fixture-plugin").toString(), "--coverage", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode p = r.json().get("coverage").get("playbooks").get(0);
        assertEquals("metrics-rbac", p.get("playbook").asText());
        assertEquals(List.of("nodes", "kubelets", "kubelets[]/config", "review"), texts(p.get("steps").get("reached")));
        List<String> unreached = new ArrayList<>();
        p.get("rules").get("unreached").forEach(u -> unreached.add(u.get("rule").asText() + " " + u.get("finding").asText()));
        assertEquals(List.of("nodes#1 no-nodes", "kubelets#2 no-webhook-kubelet"), unreached);
        assertEquals("steps 4/4, rules 5/7, branches 5/7, diagnoses 1/1", p.get("figure").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
