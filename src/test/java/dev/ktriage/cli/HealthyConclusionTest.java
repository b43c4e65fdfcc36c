package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Healthy is told apart from could-not-tell: the JSON {@code conclusion}, the transcript's end record,
 * replay, the report header, and {@code --detailed-exit-code} (3 for healthy); without it the exit
 * codes stay 0 diagnosed, 2 inconclusive (healthy or not), 1 error. Healthy needs proof: a rule
 * that says so, in the session's own playbook, with no step of the walk inconclusive.
 */
class HealthyConclusionTest {

    static final Path SEED = Path.of("playbooks/failing-probes/scenarios/seed-coredns-cilium-rp-filter");
    static final Path HEALTHY = Path.of("playbooks/failing-probes/scenarios/healthy-web-ready");
    static final Path UNREADABLE = Path.of("playbooks/failing-probes/scenarios/events-unreadable-could-not-tell");
    static final String POD = "pod=shop/web-7c9d8b6f5-qx2lp";

    @TempDir
    Path tmp;

    private Cli run(Path lab, String set, String... more) {
        String[] base = {"run", "failing-probes", "--lab", lab.toString(), "--set", set, "--output", "json",
                "--transcript", tmp.resolve(lab.getFileName() + "-" + more.length + ".jsonl").toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void healthyIsInconclusiveExit2ByDefaultAndExit3WhenAskedFor() {
        Cli plain = run(HEALTHY, POD);
        assertEquals(2, plain.exit(), plain.toString());
        JsonNode j = plain.json();
        assertEquals(4, j.get("schemaVersion").asInt());
        assertEquals("inconclusive", j.get("outcome").asText(), "the contract's outcome is unchanged");
        assertEquals("healthy", j.get("conclusion").asText());
        assertTrue(j.get("reason").asText().contains("it is Ready with every container ready: its probes pass"), j.toString());

        Cli detailed = run(HEALTHY, POD, "--detailed-exit-code");
        assertEquals(3, detailed.exit(), detailed.toString());
        assertEquals("healthy", detailed.json().get("conclusion").asText());
        assertEquals("inconclusive", detailed.json().get("outcome").asText());
    }

    @Test
    void aReadThatFailedIsCouldNotTellExit2EvenWithTheDetailedExitCode() {
        for (Cli r : List.of(run(UNREADABLE, POD), run(UNREADABLE, POD, "--detailed-exit-code"))) {
            assertEquals(2, r.exit(), r.toString());
            JsonNode j = r.json();
            assertEquals("inconclusive", j.get("outcome").asText());
            assertEquals("could-not-tell", j.get("conclusion").asText());
            assertTrue(j.get("reason").asText().startsWith("step 'probe-events' inconclusive: forbidden"), j.toString());
        }
    }

    @Test
    void diagnosedAndErrorKeepTheirExitCodesWithTheDetailedExitCode() {
        Cli diagnosed = run(SEED, "pod=kube-system/coredns-749558f7dd-w6jdj", "--detailed-exit-code");
        assertEquals(0, diagnosed.exit(), diagnosed.toString());
        assertEquals("diagnosed", diagnosed.json().get("conclusion").asText());
        Cli error = Cli.run("run", "no-such-playbook", "--lab", HEALTHY.toString(), "--output", "json", "--detailed-exit-code");
        assertEquals(1, error.exit(), error.toString());
        assertEquals("error", error.json().get("outcome").asText());
        assertEquals("error", error.json().get("conclusion").asText());
        Cli missing = Cli.run("run", "failing-probes", "--lab", HEALTHY.toString(), "--output", "json", "--detailed-exit-code",
                "--transcript", tmp.resolve("missing.jsonl").toString());
        assertEquals(2, missing.exit(), missing.toString());
        assertEquals("could-not-tell", missing.json().get("conclusion").asText(), "a missing input establishes nothing");
    }

    @Test
    void theReportHeaderAndTheTranscriptSayHealthyAndReplayAcceptsTranscriptsWithoutIt() throws IOException {
        Path t = tmp.resolve("h.jsonl");
        Cli md = Cli.run("run", "failing-probes", "--lab", HEALTHY.toString(), "--set", POD, "--output", "markdown", "--transcript", t.toString());
        assertEquals(2, md.exit(), md.toString());
        assertEquals("# ktriage: failing-probes — healthy", md.out().lines().findFirst().orElseThrow());
        assertTrue(md.out().contains("\nHealthy: No probe failures are reported"), md.out());
        Cli unreadable = Cli.run("run", "failing-probes", "--lab", UNREADABLE.toString(), "--set", POD, "--output", "markdown",
                "--transcript", tmp.resolve("u.jsonl").toString());
        assertEquals("# ktriage: failing-probes — inconclusive: could not tell", unreadable.out().lines().findFirst().orElseThrow());

        List<String> lines = Files.readAllLines(t);
        String end = lines.get(lines.size() - 1);
        assertTrue(end.contains("\"outcome\":\"inconclusive\",\"conclusion\":\"healthy\""), end);
        Cli replay = Cli.run("replay", t.toString(), "-o", "json");
        assertEquals(0, replay.exit(), replay.toString());
        assertEquals("healthy", replay.json().get("conclusion").asText());

        // a transcript written before the conclusion was recorded replays as before
        Path old = tmp.resolve("old.jsonl");
        Files.write(old, lines.stream().map(l -> l.replace(",\"conclusion\":\"healthy\"", "")).toList());
        Cli oldReplay = Cli.run("replay", old.toString());
        assertEquals(0, oldReplay.exit(), oldReplay.toString());
        // one that recorded another conclusion for the same walk did not conclude the same
        Path other = tmp.resolve("other.jsonl");
        Files.write(other, lines.stream().map(l -> l.replace("\"conclusion\":\"healthy\"", "\"conclusion\":\"could-not-tell\"")).toList());
        Cli otherReplay = Cli.run("replay", other.toString());
        assertEquals(1, otherReplay.exit(), otherReplay.toString());
        assertTrue(otherReplay.err().contains("recorded conclusion could-not-tell, now healthy"), otherReplay.toString());
    }

    /** A plugin folder under tmp holding these playbooks (id, text pairs). */
    private Path plugin(String id, String... playbooks) throws IOException {
        Path plugin = tmp.resolve(id);
        Files.createDirectories(plugin);
        Files.writeString(plugin.resolve("plugin.yaml"), "id: " + id + "\nversion: 0.1.0\napi: 2\n");
        for (int i = 0; i < playbooks.length; i += 2) {
            Path dir = Files.createDirectories(plugin.resolve("playbooks/" + playbooks[i]));
            Files.writeString(dir.resolve("playbook.yaml"), playbooks[i + 1]);
        }
        return plugin;
    }

    /** A lab with node0, whose rp_filter is 0 and whose kernel log cannot be read; node1 cannot be reached. */
    private Path lab() throws IOException {
        Path scenario = Files.createDirectories(tmp.resolve("lab/nodes"));
        Files.writeString(scenario.resolveSibling("cluster.yaml"), """
                apiVersion: v1
                kind: Node
                metadata: {name: node0}
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: node1}
                """);
        Files.writeString(scenario.resolve("node0.yaml"), """
                sysctls: {net.ipv4.conf.all.rp_filter: "0"}
                commands:
                  - match: "^journalctl -k.*"
                    exit: 1
                    stderr: "No journal files were opened due to insufficient permissions.\\n"
                """);
        Files.writeString(scenario.resolve("node1.yaml"), "unreachable: true\n");
        return scenario.getParent();
    }

    private static final String LOOSE = """
              - id: rp
                gather:
                  node: {on: "node0", run: "sysctl -n net.ipv4.conf.all.rp_filter"}
                let:
                  rp: "response.text.trim()"
                next:
                  - when: "rp == '0'"
                    finding: loose
                    says: "rp_filter is 0 on node0"
                    healthy: true
                    end: true
                  - {finding: other, says: "rp_filter is ${rp}", end: true}
            """;

    private Cli runPlugin(Path plugin, String playbook) throws IOException {
        return Cli.run("run", playbook, "--plugins", plugin.toString(), "--lab", lab().toString(), "--output", "json",
                "--detailed-exit-code", "--transcript", tmp.resolve(playbook + ".jsonl").toString());
    }

    @Test
    void aHealthyEndAfterAStepThatFailedIsCouldNotTellNamingTheStep() throws IOException {
        Path p = plugin("after-failure", "after-failure", """
                version: 2
                id: after-failure
                title: A healthy end after a failed read
                steps:
                  - id: log
                    gather:
                      node: {on: "node0", run: "journalctl -k --no-pager -n 100"}
                    onFailure: rp
                    extract:
                      martians: {lines: "martian source"}
                    next:
                      - {when: "martians.size() > 0", finding: martians, says: "martians", goto: rp}
                      - {finding: none-logged, says: "none logged", goto: rp}
                """ + LOOSE);
        Cli r = runPlugin(p, "after-failure");
        assertEquals(2, r.exit(), r.toString());
        JsonNode j = r.json();
        assertEquals("could-not-tell", j.get("conclusion").asText());
        assertEquals("loose", j.get("steps").get(1).get("finding").asText(), "the walk did end at the healthy rule");
        String reason = j.get("reason").asText();
        assertTrue(reason.startsWith("rp_filter is 0 on node0. This session does not establish that it is healthy: step 'log' was inconclusive ("),
                reason);
        assertTrue(reason.contains("No journal files were opened"), reason);
    }

    @Test
    void aHealthyEndAfterAForEachItemThatFailedIsCouldNotTell() throws IOException {
        Path p = plugin("each", "each", """
                version: 2
                id: each
                title: A healthy end after a node that did not answer
                steps:
                  - id: nodes
                    forEach:
                      in: "['node0', 'node1']"
                      as: n
                      collect: read
                      steps:
                        - id: read
                          gather:
                            node: {on: "${n}", run: "sysctl -n net.ipv4.conf.all.rp_filter"}
                          next:
                            - {finding: read, says: "${n}: ${response.text.trim()}", end: true}
                    next:
                      - {finding: walked, says: "${read.size()} walked", goto: rp}
                """ + LOOSE);
        Cli r = runPlugin(p, "each");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("could-not-tell", r.json().get("conclusion").asText(), r.toString());
        assertTrue(r.json().get("reason").asText().contains("step 'nodes[node1]/read' was inconclusive"), r.toString());
    }

    @Test
    void aHealthyEndInAPlaybookHandedToIsNotTheSessions() throws IOException {
        Path p = plugin("handoff", "handoff-from", """
                version: 2
                id: handoff-from
                title: Hands off
                steps:
                  - id: start
                    next:
                      - {finding: hand, says: "handing off", handoff: {playbook: handoff-to}}
                """, "handoff-to", """
                version: 2
                id: handoff-to
                title: Ends healthy
                steps:
                """ + LOOSE);
        Cli to = runPlugin(p, "handoff-to");
        assertEquals(3, to.exit(), to.toString());
        assertEquals("healthy", to.json().get("conclusion").asText());
        Cli from = runPlugin(p, "handoff-from");
        assertEquals(2, from.exit(), from.toString());
        assertEquals("could-not-tell", from.json().get("conclusion").asText(), from.toString());
        assertFalse(from.json().get("steps").toString().contains("inconclusive"), "no step failed: " + from);
    }
}
