package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version 2 playbooks run: a diagnosis written from docs/playbooks.md alone (forEach over the
 * nodes, each kubelet's config read as YAML, a SubjectAccessReview the lab answers from the
 * scenario's RBAC) passes its scenario and its near miss, and replays; a node command that failed
 * with no rule handling it ends its step inconclusive, never in a diagnosis.
 */
class LanguageV2RunTest {

    static final Path FIXTURE = Path.of("src/test/resources/v2-fixture-plugin");

    @TempDir
    Path tmp;

    /** A plugin folder under tmp holding one playbook: plugin.yaml and playbooks/ID/playbook.yaml. */
    private Path plugin(String id, String playbook) throws java.io.IOException {
        Path plugin = tmp.resolve(id);
        Files.createDirectories(plugin.resolve("playbooks/" + id));
        Files.writeString(plugin.resolve("plugin.yaml"), "id: " + id + "\nversion: 0.1.0\napi: 2\n");
        Files.writeString(plugin.resolve("playbooks/" + id + "/playbook.yaml"), playbook);
        return plugin;
    }

    @Test
    void theFixtureDiagnosisPassesItsScenariosAndReplays() {
        Cli test = Cli.run("plugin", "test", FIXTURE.toString());
        assertEquals(0, test.exit(), test.toString());
        assertTrue(test.out().strip().endsWith("2 passed, 0 failed"), test.out());

        Path transcript = tmp.resolve("denied.jsonl");
        Cli run = Cli.run("run", "metrics-rbac", "--plugins", FIXTURE.toString(), "--lab",
                FIXTURE.resolve("playbooks/metrics-rbac/scenarios/denied").toString(), "--output", "json", "--transcript", transcript.toString());
        JsonNode out = run.json();
        assertEquals("metrics-server-lacks-nodes-metrics", out.path("diagnoses").path(0).path("id").asText(), run.toString());
        // each kubelet's walk is its own step, and the one whose config cannot be read says why
        JsonNode node1 = null;
        for (JsonNode s : out.path("steps")) if (s.path("id").asText().equals("kubelets[node1]/config")) node1 = s;
        assertTrue(node1 != null && node1.path("status").asText().equals("inconclusive"), out.toString());
        assertTrue(node1.path("reason").asText().contains("exited 1: cat: /var/lib/kubelet/config.yaml: No such file"), node1.toString());
        assertTrue(out.path("diagnoses").path(0).path("summary").asText().contains("(node0)"), out.toString());

        Cli replay = Cli.run("replay", transcript.toString(), "--plugins", FIXTURE.toString());
        assertEquals(0, replay.exit(), replay.toString());
    }

    @Test
    void aFailedNodeCommandWithNoRuleForItIsInconclusiveNeverADiagnosis() throws Exception {
        Path plugin = plugin("drops", """
                version: 2
                id: table-drops
                title: A table of drops
                inputs:
                  - {id: node, kind: node}
                steps:
                  - id: table
                    gather:
                      node: {on: "${node}", run: "cat /proc/net/softnet_stat"}
                    extract:
                      rows: {table: "processed dropped squeezed"}
                    let:
                      dropping: "rows.filter(r, r.dropped.hexInt() > 0)"
                    next:
                      - when: "dropping.size() > 0"
                        finding: drops
                        says: "The table holds ${dropping.size()} of ${rows.size()} entries"
                        diagnose: drops
                      - finding: none
                        end: true
                diagnoses:
                  - {id: drops, title: Drops, summary: "x"}
                """);
        Path scenario = Files.createDirectories(tmp.resolve("scenario/nodes"));
        Files.writeString(scenario.resolveSibling("cluster.yaml"), "apiVersion: v1\nkind: Node\nmetadata: {name: node0}\n");
        Files.writeString(scenario.resolve("node0.yaml"), """
                commands:
                  - run: "cat /proc/net/softnet_stat"
                    exit: 255
                    stderr: "ssh: connect to host node0 port 22: Connection refused\\n"
                """);
        Cli r = Cli.run("run", "table-drops", "--plugins", plugin.toString(), "--lab", scenario.getParent().toString(),
                "--set", "node=node0", "--output", "json", "--transcript", tmp.resolve("t.jsonl").toString());
        assertEquals(2, r.exit(), r.toString());
        JsonNode out = r.json();
        assertEquals("inconclusive", out.path("outcome").asText());
        assertEquals(0, out.path("diagnoses").size());
        assertEquals("inconclusive", out.path("steps").path(0).path("status").asText());
        String reason = out.path("steps").path(0).path("reason").asText();
        assertTrue(reason.contains("exited 255: ssh: connect to host node0 port 22: Connection refused"), reason);
        assertTrue(!r.out().contains("holds  of"), "no empty values rendered: " + r.out());
    }

    @Test
    void anOptionalInputNotGivenIsTestedWithInputsAndAReservedWordIdIsReadThroughIt() throws Exception {
        Path plugin = plugin("optional", """
                version: 2
                id: optional-ip
                title: An optional input
                inputs:
                  - {id: podIP, kind: text, required: false}
                  - {id: namespace, kind: text, required: false}
                steps:
                  - id: decide
                    next:
                      - when: "has(inputs.podIP) && has(inputs.namespace)"
                        finding: given
                        says: "${podIP} in ${inputs['namespace']}"
                        diagnose: given
                      - finding: not-given
                        says: "no pod IP"
                        end: true
                diagnoses:
                  - {id: given, title: Given, summary: "x"}
                """);
        Path scenario = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(scenario.resolve("cluster.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: default}\n");
        String[] base = {"run", "optional-ip", "--plugins", plugin.toString(), "--lab", scenario.toString(), "--output", "json",
                "--transcript", tmp.resolve("o.jsonl").toString()};
        Cli none = Cli.run(base);
        assertEquals("not-given", none.json().path("steps").path(0).path("finding").asText(), none.toString());
        Cli empty = Cli.run(concat(base, "--set", "podIP=", "--set", "namespace=shop"));
        assertEquals("not-given", empty.json().path("steps").path(0).path("finding").asText(), "an empty value is not given: " + empty);
        Cli both = Cli.run(concat(base, "--set", "podIP=10.0.0.7", "--set", "namespace=shop"));
        assertEquals("10.0.0.7 in shop", both.json().path("diagnoses").path(0).path("evidence").path(0).asText(), both.toString());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
