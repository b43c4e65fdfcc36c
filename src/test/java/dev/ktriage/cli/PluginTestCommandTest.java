package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `plugin test` on a plugin with one broken expect.yaml: one failed case, the rest still run, text and JSON. */
class PluginTestCommandTest {

    @TempDir
    Path tmp;

    private Path pluginWithABrokenExpectation() throws IOException {
        Path plugin = tmp.resolve("workload-exposure");
        Path source = Path.of("plugins/workload-exposure");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = plugin.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Files.writeString(plugin.resolve("playbooks/workload-exposure/scenarios/gke-explicit-false-near-miss/expect.yaml"),
                "playbook: workload-exposure\ndiagnosiss: none\n");
        return plugin;
    }

    @Test
    void aBrokenExpectationIsOneFailedCase() throws IOException {
        Path plugin = pluginWithABrokenExpectation();
        long scenarios;
        try (Stream<Path> s = Files.list(plugin.resolve("playbooks/workload-exposure/scenarios"))) {
            scenarios = s.count();
        }
        Cli r = Cli.run("plugin", "test", plugin.toString());
        assertEquals(1, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals((scenarios - 1) + " passed, 1 failed", lines.get(lines.size() - 1), r.toString());
        assertTrue(lines.contains("FAIL playbooks/workload-exposure/scenarios/gke-explicit-false-near-miss  " + plugin
                + "/playbooks/workload-exposure/scenarios/gke-explicit-false-near-miss/expect.yaml:2:1: unknown key 'diagnosiss'"
                + " (expected one of: playbook, set, answers, diagnosis, mustNotReach, confidence, mustNotSay, mustSay, conclusion)"), r.out());

        Cli json = Cli.run("plugin", "test", plugin.toString(), "-o", "json");
        assertEquals(1, json.exit(), json.toString());
        JsonNode j = json.json();
        assertEquals(scenarios - 1, j.get("passed").asLong());
        assertEquals(1, j.get("failed").asInt());
        assertEquals(scenarios, j.get("scenarios").size());
        JsonNode broken = null;
        for (JsonNode row : j.get("scenarios")) if (!row.get("passed").asBoolean()) broken = row;
        assertEquals("playbooks/workload-exposure/scenarios/gke-explicit-false-near-miss", broken.get("scenario").asText());
        assertTrue(broken.get("problem").asText().contains("unknown key 'diagnosiss'"), broken.toString());
    }

    /** A scenario that ends without a diagnosis says whether the run established health or could not tell. */
    @Test
    void aScenarioWithoutADiagnosisSaysHealthyOrCouldNotTell() {
        Cli text = Cli.run("plugin", "test", "playbooks/node-sysctl-drift");
        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.out().contains("PASS scenarios/core-pattern-pipe-same-everywhere  (no diagnosis: healthy)"), text.out());
        assertTrue(text.out().contains("PASS scenarios/unreachable-node-is-not-drift  (no diagnosis: could-not-tell)"), text.out());
        Cli json = Cli.run("plugin", "test", "playbooks/node-sysctl-drift", "-o", "json");
        java.util.Map<String, String> conclusions = new java.util.TreeMap<>();
        json.json().get("scenarios").forEach(row -> conclusions.put(row.get("scenario").asText(), row.get("conclusion").asText()));
        assertEquals("healthy", conclusions.get("scenarios/core-pattern-pipe-same-everywhere"), conclusions.toString());
        assertEquals("diagnosed", conclusions.get("scenarios/one-node-strict-rp-filter"), conclusions.toString());
    }
}
