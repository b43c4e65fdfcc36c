package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.ui.SeedLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `-o json` on list and replay (triage and plugin test have their own tests): one JSON document on stdout, parsed here. */
class MachineReadableTest {

    @TempDir
    Path tmp;

    @Test
    void listAsJson() {
        Cli r = Cli.run("list", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode probes = null;
        for (JsonNode p : r.json().get("playbooks")) if (p.get("id").asText().equals("failing-probes")) probes = p;
        assertEquals("pod", probes.get("inputs").get(0).get("id").asText());
        assertTrue(probes.get("inputs").get(0).get("required").asBoolean());
        assertTrue(probes.get("diagnoses").toString().contains("probe-wrong-port"), probes.toString());
        Cli bad = Cli.run("list", "-o", "yaml");
        assertEquals(1, bad.exit());
        assertEquals(List.of("ktriage: --output must be text or json"), bad.err().lines().toList());
    }

    @Test
    void replayAsJsonSaysSameOrIncomplete() throws Exception {
        Path t = tmp.resolve("seed.jsonl");
        assertEquals(0, Cli.run("run", SeedLab.PLAYBOOK, "--lab", SeedLab.scenario().toString(), "--set",
                "pod=kube-system/coredns-749558f7dd-w6jdj", "--output", "json", "--transcript", t.toString()).exit());
        Cli same = Cli.run("replay", t.toString(), "-o", "json");
        assertEquals(0, same.exit(), same.toString());
        JsonNode j = same.json();
        assertTrue(j.get("same").asBoolean());
        assertEquals("diagnosed", j.get("outcome").asText());
        assertTrue(j.get("diagnoses").toString().contains("rp-filter-strict-on-cni-device"), j.toString());

        List<String> lines = Files.readAllLines(t);
        Path cut = tmp.resolve("cut.jsonl");
        Files.write(cut, lines.subList(0, lines.size() - 1)); // without the end record
        Cli incomplete = Cli.run("replay", cut.toString(), "-o", "json");
        assertEquals(1, incomplete.exit(), incomplete.toString());
        assertTrue(incomplete.json().get("incomplete").asBoolean(), incomplete.out());
        assertEquals(1, incomplete.err().lines().count(), incomplete.toString());
    }

    @Test
    void runJsonCarriesItsSchemaItsInputsAndStructuredEvidence() {
        Cli r = Cli.run("run", SeedLab.PLAYBOOK, "--lab", SeedLab.scenario().toString(), "--set", "pod=kube-system/coredns-749558f7dd-w6jdj",
                "--output", "json", "--transcript", tmp.resolve("r.jsonl").toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = r.json();
        assertEquals(4, j.get("schemaVersion").asInt());
        assertEquals("kube-system/coredns-749558f7dd-w6jdj", j.get("inputs").get("pod").asText());
        JsonNode route = null;
        JsonNode pod = null;
        for (JsonNode s : j.get("steps")) {
            if (s.get("id").asText().equals("node-route")) route = s;
            if (s.get("id").asText().equals("pod-spec")) pod = s;
        }
        assertEquals("node", route.get("source").asText());
        assertEquals("ssh node0 ip route get 10.0.0.113", route.get("command").asText());
        assertEquals("10.0.0.113 dev cilium_host src 10.0.0.253 uid 0", route.get("quotes").get(0).asText());
        assertEquals("cluster", pod.get("source").asText());
        assertTrue(pod.get("command").asText().startsWith("kubectl get pods coredns-749558f7dd-w6jdj -n kube-system"), pod.toString());
        // the fields the contract names are all still there
        for (String f : List.of("playbook", "outcome", "diagnoses", "steps", "transcript")) assertTrue(j.has(f), f);
    }

    @Test
    void markdownReportHeaderSaysWhenWhereAndWithWhat() {
        Cli r = Cli.run("run", SeedLab.PLAYBOOK, "--lab", SeedLab.scenario().toString(), "-n", "kube-system", "--set",
                "pod=coredns-749558f7dd-w6jdj", "--output", "markdown", "--transcript", tmp.resolve("m.jsonl").toString());
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().limit(8).toList();
        assertEquals("# ktriage: failing-probes — diagnosed", lines.get(0));
        assertTrue(lines.get(2).matches("- started: 20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z"), lines.toString());
        assertEquals(List.of("- context: lab", "- namespace: kube-system", "- inputs: pod=coredns-749558f7dd-w6jdj",
                "- ktriage: " + Version.current()), lines.subList(3, 7));
    }

    /** The checks' contract names "error" as an outcome: with --output json an exit 1 prints it too, beside the stderr line. */
    @Test
    void anErrorIsTheErrorObjectOnStdoutAndOneLineOnStderr() {
        Cli r = Cli.run("run", "no-such-playbook", "--lab", SeedLab.scenario().toString(), "--output", "json");
        assertEquals(1, r.exit(), r.toString());
        JsonNode j = r.json();
        assertEquals("error", j.get("outcome").asText());
        assertEquals("no-such-playbook", j.get("playbook").asText());
        assertEquals(0, j.get("diagnoses").size());
        assertTrue(j.get("transcript").isNull());
        assertTrue(j.get("error").asText().startsWith("unknown playbook 'no-such-playbook'"), j.toString());
        assertEquals(List.of("ktriage: " + j.get("error").asText()), r.err().lines().toList());
        Cli text = Cli.run("run", "no-such-playbook", "--lab", SeedLab.scenario().toString());
        assertEquals("", text.out(), "without --output json stdout stays empty");
    }
}
