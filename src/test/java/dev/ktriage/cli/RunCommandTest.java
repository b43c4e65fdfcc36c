package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `run --output json` contract of docs/scenarios.md, exit codes 0/1/2, and one-line errors. */
class RunCommandTest {

    static final Path SEED = Path.of("playbooks/failing-probes/scenarios/seed-coredns-cilium-rp-filter");
    static final Path HEALTHY = Path.of("playbooks/failing-probes/scenarios/healthy-web-ready");

    @TempDir
    Path tmp;

    @Test
    void seedIncidentIsDiagnosedThroughFabric8AndSshj() {
        Path transcript = tmp.resolve("t.jsonl");
        Cli r = Cli.run("run", "failing-probes", "--lab", SEED.toString(), "--set", "pod=kube-system/coredns-749558f7dd-w6jdj",
                "--output", "json", "--transcript", transcript.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = r.json();
        assertEquals("failing-probes", j.get("playbook").asText());
        assertEquals("diagnosed", j.get("outcome").asText());
        assertEquals(transcript.toString(), j.get("transcript").asText());
        List<String> ids = new ArrayList<>();
        j.get("diagnoses").forEach(d -> ids.add(d.get("id").asText()));
        assertEquals(List.of("rp-filter-strict-on-cni-device", "node-drops-probe-replies-rp-filter"), ids, "most specific first");
        JsonNode root = j.get("diagnoses").get(0);
        for (String field : List.of("id", "title", "confidence", "evidence", "remedy")) assertTrue(root.has(field), field);
        assertEquals("high", root.get("confidence").asText());
        String evidence = root.get("evidence").toString();
        assertTrue(evidence.contains("martian source 10.0.0.253 from 10.0.0.113, on dev lxc3c160d6c7aa0"), evidence);
        String remedy = root.get("remedy").asText();
        assertTrue(remedy.contains("net.ipv4.conf.lxc*.rp_filter = 0"), remedy);
        assertTrue(remedy.contains("enable-endpoint-routes"), remedy);
        List<String> steps = new ArrayList<>();
        j.get("steps").forEach(s -> {
            steps.add(s.get("id").asText());
            assertEquals("done", s.get("status").asText());
            assertTrue(s.has("finding"));
        });
        assertEquals(List.of("pod-spec", "probe-events", "node-route", "kernel-log",
                "martian-source/pod-ip", "martian-source/log-martians", "martian-source/kernel-log", "martian-source/route",
                "martian-source/rp-filter", "martian-source/sysctl-sources"), steps);
        assertTrue(Files.exists(transcript));
        assertFalse(j.has("unansweredCommands"), "the scenario answers every command: " + j);
    }

    @Test
    void healthyPodIsInconclusiveWithExit2() {
        Cli r = Cli.run("run", "failing-probes", "--lab", HEALTHY.toString(), "--set", "pod=shop/web-7c9d8b6f5-qx2lp",
                "--output", "json", "--transcript", tmp.resolve("h.jsonl").toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals("inconclusive", r.json().get("outcome").asText());
        assertEquals("healthy", r.json().get("conclusion").asText(), "the pod is Ready and no probe failed: proof of health");
        assertEquals(0, r.json().get("diagnoses").size());
    }

    @Test
    void missingInputExits2NamingIt() {
        Cli r = Cli.run("run", "failing-probes", "--lab", HEALTHY.toString(), "--output", "json",
                "--transcript", tmp.resolve("m.jsonl").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("input 'pod' is required"), r.err());
    }

    @Test
    void unknownPlaybookIsOneLineExit1() {
        Cli r = Cli.run("run", "no-such-playbook", "--lab", HEALTHY.toString(), "--output", "json");
        assertOneLineError(r, "unknown playbook 'no-such-playbook'");
    }

    @Test
    void missingAndMalformedScenarios() throws IOException {
        assertOneLineError(Cli.run("run", "failing-probes", "--lab", tmp.resolve("nope").toString(), "--set", "pod=a/b"), "nope");
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("cluster.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: x\n");
        Cli r = Cli.run("run", "failing-probes", "--lab", bad.toString(), "--set", "pod=a/b");
        assertOneLineError(r, "cluster.yaml:");
    }

    @Test
    void malformedPlaybookNamesFileAndLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("pb/broken"));
        Files.writeString(dir.resolve("playbook.yaml"), "version: 2\nid: broken\ntitle: Broken\nsteps:\n  - id: a\n    gater: {}\n    next: [{end: true}]\n");
        Cli r = Cli.run("list", "--playbooks", tmp.resolve("pb").toString());
        assertOneLineError(r, "broken/playbook.yaml:6:5: unknown key 'gater'");
    }

    @Test
    void missingKubeconfigIsOneLine() {
        Cli r = Cli.run("run", "failing-probes", "--kubeconfig", tmp.resolve("nokubeconfig").toString(), "--set", "pod=a/b");
        assertOneLineError(r, "kubeconfig");
    }

    @Test
    void debugShowsTheStackTrace() {
        Cli r = Cli.run("run", "no-such-playbook", "--lab", HEALTHY.toString(), "--debug");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void badOptionIsOneLineExit1() {
        Cli r = Cli.run("run", "failing-probes", "--output", "yaml");
        assertOneLineError(r, "--output");
    }

    static void assertOneLineError(Cli r, String mentions) {
        assertEquals(1, r.exit(), r.toString());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one line on stderr: " + r);
        assertTrue(err.startsWith("ktriage: "), err);
        assertTrue(err.contains(mentions), "stderr should mention '" + mentions + "': " + err);
        assertFalse(err.contains("Exception"), err);
    }
}
