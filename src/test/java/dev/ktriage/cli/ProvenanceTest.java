package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every diagnosis says which read each of its facts came from (command, node, time) and which
 * alternatives the playbook excluded on the way and why: in the JSON, the Markdown report and the
 * transcript, for the seed incident.
 */
class ProvenanceTest {

    static final String SEED = "playbooks/failing-probes/scenarios/seed-coredns-cilium-rp-filter";
    static final String POD = "pod=kube-system/coredns-749558f7dd-w6jdj";

    @TempDir
    Path tmp;

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) if (n.path(field).asText().equals(value)) return n;
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    @Test
    void theSeedJsonHasEachFactsReadAndTheAlternativesRuledOut() {
        Cli r = Cli.run("run", "failing-probes", "--lab", SEED, "--set", POD, "--output", "json", "--transcript", tmp.resolve("t.jsonl").toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode top = r.json().get("diagnoses").get(0);
        assertEquals("rp-filter-strict-on-cni-device", top.get("id").asText());
        JsonNode route = find(top.get("facts"), "step", "node-route");
        assertEquals("node", route.get("source").asText());
        assertEquals("node0", route.get("node").asText());
        assertEquals("ssh node0 ip route get 10.0.0.113", route.get("command").asText());
        assertEquals("node0 reaches 10.0.0.113 via cilium_host.", route.get("says").asText());
        assertEquals("10.0.0.113 dev cilium_host src 10.0.0.253 uid 0", route.get("quotes").get(0).asText());
        Instant.parse(route.get("at").asText());
        JsonNode pod = find(top.get("facts"), "step", "pod-spec");
        assertEquals("cluster", pod.get("source").asText());
        assertTrue(pod.get("command").asText().startsWith("kubectl get pods coredns-749558f7dd-w6jdj -n kube-system"), pod.toString());
        assertTrue(pod.path("node").isMissingNode(), "an API read has no node");

        JsonNode refused = find(top.get("ruledOut"), "finding", "probe-refused");
        assertEquals("probe-events", refused.get("step").asText());
        assertEquals("refused.size() > 0", refused.get("condition").asText());
        assertEquals("No probe connection was refused: something accepts connections on the probe's port.", refused.get("because").asText());
        JsonNode symmetric = find(top.get("ruledOut"), "finding", "route-back-same-device");
        assertEquals("The route back to 10.0.0.113 leaves by cilium_host, not by lxc3c160d6c7aa0 where the packets arrive:"
                + " reverse-path filtering sees them as martians.", symmetric.get("because").asText());
        JsonNode notFound = find(top.get("ruledOut"), "finding", "pod-not-found");
        assertTrue(notFound.get("because").isNull(), "no words of the playbook's: the condition speaks");
        assertEquals("pod-not-found: `!response.found` did not hold", notFound.get("says").asText());
        // the alternatives come from the walk to this diagnosis, never from after it
        List<String> walked = new ArrayList<>();
        r.json().get("steps").forEach(s -> walked.add(s.get("id").asText()));
        top.get("ruledOut").forEach(x -> assertTrue(walked.contains(x.get("step").asText()), x.toString()));
    }

    @Test
    void theSeedMarkdownReportShowsWhereEachFactCameFromAndWhatWasRuledOut() throws IOException {
        Path t = tmp.resolve("t.jsonl");
        Cli r = Cli.run("run", "failing-probes", "--lab", SEED, "--set", POD, "--output", "markdown", "--transcript", t.toString());
        assertEquals(0, r.exit(), r.toString());
        String md = r.out();
        assertTrue(md.contains("Evidence, and where each fact came from:"), md);
        assertTrue(md.lines().anyMatch(l -> l.matches("  - from `ssh node0 ip route get 10\\.0\\.0\\.113` on node node0 at \\S+Z \\(step `node-route`\\)")), md);
        assertTrue(md.contains("Ruled out on the way:"), md);
        assertTrue(md.contains("- probe-refused: No probe connection was refused: something accepts connections on the probe's port."
                + " (step `probe-events`)"), md);
        String transcript = Files.readString(t);
        String diagnosis = transcript.lines().filter(l -> l.startsWith("{\"type\":\"diagnosis\"")).findFirst().orElseThrow();
        assertTrue(diagnosis.contains("\"ruledOut\":[") && diagnosis.contains("\"facts\":["), diagnosis);
    }
}
