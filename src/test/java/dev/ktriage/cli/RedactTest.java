package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ktriage redact --pseudonymize: a seed transcript shared without its names and addresses, still replaying to its diagnosis. */
class RedactTest {

    static final String SEED = "playbooks/failing-probes/scenarios/seed-coredns-cilium-rp-filter";
    static final String POD = "pod=kube-system/coredns-749558f7dd-w6jdj";
    static final List<String> DIAGNOSES = List.of("rp-filter-strict-on-cni-device", "node-drops-probe-replies-rp-filter");

    /** What the seed scenario's transcript names: the pod, its node (also its hostname), addresses, devices, the image registry. */
    static final List<String> ORIGINALS = List.of("coredns-749558f7dd-w6jdj", "node0", "10.0.0.113", "10.0.0.250", "10.0.0.253",
            "172.26.50.200", "172.26.50.1", "lxc3c160d6c7aa0", "lxc9a0f3e2b1c44", "k8s.gcr.io", "749558f7dd", "w6jdj");

    /** A route table read from the REPL during the session (an operator line: replay reads past it). */
    static final String ROUTES = "{\"type\":\"node\",\"time\":\"2026-01-01T00:00:00Z\",\"step\":\"(operator)\",\"command\":{\"node\":\"node0\","
            + "\"line\":\"ip route\",\"argv\":[\"ip\",\"route\"],\"sudo\":false,\"timeout\":10},\"answer\":{\"status\":\"OK\",\"exit\":0,"
            + "\"stdout\":\"default via 172.26.50.1 dev eno1\\n10.0.0.0/24 via 10.0.0.253 dev cilium_host src 10.0.0.253\\n"
            + "172.26.50.0/24 dev eno1 proto kernel scope link src 172.26.50.200\\n\",\"stderr\":\"\",\"ms\":1}}";

    @TempDir
    Path tmp;

    @Test
    void pseudonymizedSeedNamesNothingOfTheClusterAndReplaysToTheSameDiagnosis() throws IOException {
        Path in = seed();
        Path out = tmp.resolve("shared.jsonl");
        Cli r = Cli.run("redact", in.toString(), "--pseudonymize", "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.out(), "the result goes to -o, not stdout");
        String text = Files.readString(out);
        for (String original : ORIGINALS) assertFalse(text.contains(original), original + " is still in\n" + text);
        // the vocabulary the playbooks match on stays
        for (String kept : List.of("kube-system", "cilium_host", "net.ipv4.conf.all.rp_filter", "rp_filter", "Unhealthy", "Readiness probe failed"))
            assertTrue(text.contains(kept), kept);
        assertTrue(text.matches("(?s).*net[.]ipv4[.]conf[.]lxc[0-9a-f]{12}[.]rp_filter.*"), "a pod device is still a Cilium lxc device");

        Cli replay = Cli.run("replay", out.toString(), "--output", "json");
        assertEquals(0, replay.exit(), replay.toString());
        List<String> ids = new ArrayList<>();
        replay.json().path("diagnoses").forEach(d -> ids.add(d.asText()));
        assertEquals(DIAGNOSES, ids);
    }

    @Test
    void addressesKeepTheirSubnetsAndRoutesStillContainThem() throws IOException {
        Path map = tmp.resolve("mapping.json");
        Path out = tmp.resolve("shared.jsonl");
        Cli r = Cli.run("redact", seed().toString(), "--pseudonymize", "-o", out.toString(), "--mapping", map.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode m = new ObjectMapper().readTree(map.toFile());
        assertTrue(m.path("node0").isTextual() && m.path("coredns-749558f7dd-w6jdj").isTextual(), m.toString());
        String pod = m.path("10.0.0.113").asText();
        String router = m.path("10.0.0.253").asText();
        String other = m.path("10.0.0.250").asText();
        String host = m.path("172.26.50.200").asText();
        String gateway = m.path("172.26.50.1").asText();
        assertNotEquals("10.0.0.113", pod);
        assertEquals(prefix(pod, 3), prefix(router, 3), "one /24 before, one /24 after");
        assertEquals(prefix(pod, 3), prefix(other, 3));
        assertEquals(prefix(host, 3), prefix(gateway, 3));
        assertNotEquals(prefix(pod, 2), prefix(host, 2), "apart before, apart after");
        assertTrue(pod.startsWith("10.") && host.startsWith("172."), "private ranges stay private: " + pod + " " + host);

        String podNet = m.path("10.0.0.0/24").asText();
        String hostNet = m.path("172.26.50.0/24").asText();
        assertTrue(contains(podNet, pod) && contains(podNet, router), podNet + " contains " + pod);
        assertFalse(contains(podNet, host), podNet + " does not contain " + host);
        assertTrue(contains(hostNet, host) && !contains(hostNet, pod), hostNet);
        String text = Files.readString(out);
        assertTrue(text.contains(podNet + " via " + router + " dev cilium_host"), text);
        assertTrue(text.contains("ip route get " + pod), "the node command key follows the pod's IP");
    }

    @Test
    void theMappingIsWrittenOnlyWhenAskedAndTheSameInputGivesTheSameOutput() throws IOException {
        Path in = seed();
        Cli first = Cli.run("redact", in.toString(), "--pseudonymize");
        Cli second = Cli.run("redact", in.toString(), "--pseudonymize");
        assertEquals(0, first.exit(), first.toString());
        assertEquals(first.out(), second.out(), "deterministic for one file");
        assertFalse(first.out().contains("node0"));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(in), files.toList(), "no mapping written anywhere without --mapping");
        }
        Path sharedIn = tmp.resolve("copy.jsonl");
        Files.copy(in, sharedIn);
        assertEquals(first.out(), Cli.run("redact", sharedIn.toString(), "--pseudonymize").out(), "the key comes from the content");
        Cli keyed = Cli.run("redact", in.toString(), "--pseudonymize", "--key", "team-secret");
        assertEquals(0, keyed.exit(), keyed.toString());
        assertNotEquals(first.out(), keyed.out());
        assertEquals(keyed.out(), Cli.run("redact", in.toString(), "--pseudonymize", "--key", "team-secret").out());
    }

    @Test
    void unreadableTranscriptIsOneLine() throws IOException {
        Cli missing = Cli.run("redact", tmp.resolve("nope.jsonl").toString(), "--pseudonymize");
        assertEquals(1, missing.exit(), missing.toString());
        assertEquals(1, missing.err().strip().lines().count(), missing.toString());
        assertTrue(missing.err().startsWith("ktriage: ") && missing.err().contains("nope.jsonl"), missing.err());

        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{not json\n");
        Cli r = Cli.run("redact", bad.toString(), "--pseudonymize", "-o", tmp.resolve("out.jsonl").toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.toString());
        assertTrue(r.err().startsWith("ktriage: ") && r.err().contains("bad.jsonl:1"), r.err());
        assertFalse(Files.exists(tmp.resolve("out.jsonl")));
    }

    /** The seed session's transcript, with the route table an operator read from the REPL before its end record. */
    private Path seed() throws IOException {
        Path t = tmp.resolve("seed.jsonl");
        Cli rec = Cli.run("run", "failing-probes", "--lab", SEED, "--set", POD, "--output", "json", "--transcript", t.toString());
        assertEquals(0, rec.exit(), rec.toString());
        List<String> lines = new ArrayList<>(Files.readAllLines(t));
        lines.add(lines.size() - 1, ROUTES);
        Files.write(t, lines);
        return t;
    }

    private static String prefix(String ip, int octets) {
        String[] o = ip.split("[./]");
        return String.join(".", List.of(o).subList(0, octets));
    }

    private static boolean contains(String cidr, String ip) {
        int len = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        long mask = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
        return (v4(cidr.substring(0, cidr.indexOf('/'))) & mask) == (v4(ip) & mask);
    }

    private static long v4(String ip) {
        long a = 0;
        for (String o : ip.split("[.]")) a = (a << 8) | Long.parseLong(o);
        return a;
    }
}
