package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * `plugin test . --coverage` over the built-in playbooks: every diagnosis and every onFailure path
 * has a scenario that reaches it, and the README's coverage table is what the command prints.
 */
class BuiltInCoverageTest {

    /**
     * onFailure paths no built-in scenario walks yet, as {@code PLAYBOOK: STEP onFailure -> goto TARGET}.
     * Empty: every built-in onFailure path has a scenario, and a new one must come with its own. Most
     * are taken only when a read gets no answer at all (a raw API read or a node command that times
     * out, raw.yaml and commands' delayMs): an HTTP error or an accepted exit code is an answer the
     * step's rules judge. The list stays for a path that no realistic failure can reach; such an
     * entry says why.
     */
    static final Set<String> ON_FAILURE_WITHOUT_SCENARIO = Set.of();

    @Test
    void everyDiagnosisAndOnFailurePathHasAScenarioAndTheReadmeShowsTheFigures() throws IOException {
        Cli r = Cli.run("plugin", "test", ".", "--coverage", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode playbooks = r.json().get("coverage").get("playbooks");
        List<String> missing = new ArrayList<>();
        Set<String> unwalked = new TreeSet<>();
        List<String> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode p : playbooks) {
            String id = p.get("playbook").asText();
            ids.add(id);
            for (JsonNode d : p.get("diagnoses").get("unreached")) missing.add(id + ": diagnosis " + d.asText() + " has no scenario");
            for (JsonNode b : p.get("branches").get("unreached")) {
                if (!b.get("from").asText().endsWith(" onFailure")) continue;
                String path = id + ": " + b.get("from").asText() + " -> " + b.get("to").asText();
                unwalked.add(path);
                if (!ON_FAILURE_WITHOUT_SCENARIO.contains(path)) missing.add(path + " has no scenario");
            }
            rows.add("| `" + id + "` | " + figure(p, "steps") + " | " + figure(p, "rules") + " | " + figure(p, "branches") + " | "
                    + figure(p, "diagnoses") + " |");
        }
        for (String listed : new TreeSet<>(ON_FAILURE_WITHOUT_SCENARIO)) {
            if (!unwalked.contains(listed)) missing.add(listed + " is walked now: take it out of ON_FAILURE_WITHOUT_SCENARIO");
        }
        assertEquals(List.of(), missing);
        assertEquals(List.of("failing-probes", "kubelet-anonymous-403", "martian-source", "node-sysctl-drift", "sysctl-forbidden"), ids);
        assertEquals(String.join("\n", rows), String.join("\n", readmeRows()),
                "README.md, 'Scenario coverage': the table is not what `./ktriage plugin test . --coverage` prints");
    }

    private static String figure(JsonNode p, String kind) {
        JsonNode k = p.get(kind);
        return k.get("reached").size() + "/" + k.get("total").asInt();
    }

    /** The rows of the table under README's "### Scenario coverage". */
    private static List<String> readmeRows() throws IOException {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("#")) in = line.equals("### Scenario coverage");
            else if (in && line.startsWith("| `")) out.add(line);
        }
        return out;
    }
}
