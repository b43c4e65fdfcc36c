package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.lab.LabFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `--node-access api`: the same playbooks, with the nodes reached through the lab's API server
 * alone. The lab answers the kubelet's node log query from the scenario's node, as its kubelet
 * would run journalctl for it; a command with no API equivalent leaves its step inconclusive, saying so.
 */
class NodeAccessApiTest {

    static final String KOPS = "playbooks/kubelet-anonymous-403/scenarios/kops-1-27-metrics-server-client-certificate-caller";
    static final String SEED = "playbooks/failing-probes/scenarios/seed-coredns-cilium-rp-filter";

    @TempDir
    Path tmp;

    private static JsonNode step(JsonNode j, String id) {
        for (JsonNode s : j.get("steps")) if (s.get("id").asText().equals(id)) return s;
        throw new AssertionError("no step " + id + " in " + j.get("steps"));
    }

    private static List<String> walk(JsonNode j) {
        List<String> out = new ArrayList<>();
        j.get("steps").forEach(s -> out.add(s.get("id").asText() + "=" + s.path("finding").asText()));
        return out;
    }

    @Test
    void theKubeletsJournalComesThroughTheNodeLogQueryToTheSameDiagnosis() throws IOException {
        Cli ssh = Cli.run("run", "kubelet-anonymous-403", "--lab", KOPS, "-o", "json", "--transcript", tmp.resolve("ssh.jsonl").toString());
        Path t = tmp.resolve("api.jsonl");
        Cli api = Cli.run("run", "kubelet-anonymous-403", "--lab", KOPS, "--node-access", "api", "-o", "json", "--transcript", t.toString());
        assertEquals(0, api.exit(), api.toString());
        assertEquals(walk(ssh.json()), walk(api.json()), "the same walk on both sources");
        assertEquals("caller-lacks-nodes-subresource", api.json().get("diagnoses").get(0).get("id").asText());
        JsonNode log = step(api.json(), "kubelet-log");
        assertEquals("kubectl get --raw '/api/v1/nodes/ip-172-20-41-12.eu-west-1.compute.internal/proxy/logs/?query=kubelet&tailLines=5000&pattern=Forbidden'",
                log.get("command").asText());
        assertTrue(step(ssh.json(), "kubelet-log").get("command").asText().startsWith("ssh ip-172-20-41-12"), "over SSH it says ssh");
        Cli replay = Cli.run("replay", t.toString());
        assertEquals(0, replay.exit(), replay.toString());
        // the transcript's node line says which API read answered the command; over SSH there is none
        assertTrue(Files.readString(t).lines().anyMatch(l -> l.contains("\"type\":\"node\"") && l.contains("journalctl")
                && l.contains("\"via\":\"kubectl get --raw '/api/v1/nodes/ip-172-20-41-12.eu-west-1.compute.internal/proxy/logs/?query=kubelet")), "via recorded");
        assertTrue(Files.readString(tmp.resolve("ssh.jsonl")).lines().noneMatch(l -> l.contains("\"via\"")), "no via over SSH");
    }

    @Test
    void fleetReachesEveryMembersNodesAsTold() throws IOException {
        Path dir = tmp.resolve("fleet");
        Cli r = Cli.run("fleet", "kubelet-anonymous-403", "--lab", KOPS, "--node-access", "api", "--transcripts", dir.toString());
        assertEquals(4, r.exit(), r.toString());
        String t = Files.readString(dir.resolve(Path.of(KOPS).getFileName() + ".jsonl"));
        assertTrue(t.contains("proxy/logs/?query=kubelet&tailLines=5000&pattern=Forbidden"), "the kubelet's journal through the API server");
    }

    @Test
    void aStepWhoseCommandHasNoApiEquivalentIsInconclusiveSayingSo() {
        Cli r = Cli.run("run", "failing-probes", "--lab", SEED, "--node-access", "api", "--set", "pod=kube-system/coredns-749558f7dd-w6jdj",
                "-o", "json", "--transcript", tmp.resolve("t.jsonl").toString());
        assertEquals(2, r.exit(), r.toString());
        JsonNode route = step(r.json(), "node-route");
        assertEquals("inconclusive", route.get("status").asText());
        assertTrue(route.get("reason").asText().contains("`ip route get 10.0.0.113` cannot be answered through the API server"), route.toString());
        assertEquals("could-not-tell", r.json().get("conclusion").asText());
    }

    @Test
    void aKubeletWithoutTheLogQueryIsNamedAsSuch() throws IOException {
        Path lab = tmp.resolve("lab");
        LabFixtures.copy(Path.of(KOPS), lab);
        // the kubelet serves its /var/log listing for /logs/ whatever the query when the log query is off
        Files.writeString(lab.resolve("raw.yaml"), Files.readString(lab.resolve("raw.yaml")) + """
                - path: /api/v1/nodes/ip-172-20-41-12.eu-west-1.compute.internal/proxy/logs/
                  body: "<pre>\\n<a href=\\"pods/\\">pods/</a>\\n</pre>\\n"
                """);
        Cli r = Cli.run("run", "kubelet-anonymous-403", "--lab", lab.toString(), "--node-access", "api", "-o", "json",
                "--transcript", tmp.resolve("t.jsonl").toString());
        JsonNode log = step(r.json(), "kubelet-log");
        assertEquals("inconclusive", log.get("status").asText(), r.toString());
        assertTrue(log.get("reason").asText().contains("NodeLogQuery feature gate and enableSystemLogQuery: true"), log.toString());
    }
}
