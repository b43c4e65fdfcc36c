package dev.ktriage.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record on the lab, replay with no network; an edited playbook diverges and says where. */
class ReplayTest {

    static final String SEED = "playbooks/failing-probes/scenarios/seed-coredns-cilium-rp-filter";
    static final String POD = "pod=kube-system/coredns-749558f7dd-w6jdj";

    @TempDir
    Path tmp;

    @Test
    void builtInSeedSessionReplaysToTheSameDiagnosis() throws IOException {
        Path t = tmp.resolve("seed.jsonl");
        Cli rec = Cli.run("run", "failing-probes", "--lab", SEED, "--set", POD, "--output", "json", "--transcript", t.toString());
        assertEquals(0, rec.exit(), rec.toString());
        String transcript = Files.readString(t);
        assertTrue(transcript.contains("\"type\":\"cluster\"") && transcript.contains("\"type\":\"node\""), "both gateways recorded");
        Cli replay = Cli.run("replay", t.toString());
        assertEquals(0, replay.exit(), replay.toString());
        assertTrue(replay.out().contains("rp-filter-strict-on-cni-device"), replay.out());
    }

    /** A pod named without its namespace is read in -n's: the transcript says so, and replay reads it there too. */
    @Test
    void sessionWithANamespaceFlagReplays() throws IOException {
        Path t = tmp.resolve("ns.jsonl");
        Cli rec = Cli.run("run", "failing-probes", "--lab", SEED, "-n", "kube-system", "--set", "pod=coredns-749558f7dd-w6jdj",
                "--output", "json", "--transcript", t.toString());
        assertEquals(0, rec.exit(), rec.toString());
        assertTrue(rec.out().contains("rp-filter-strict-on-cni-device"), rec.out());
        assertTrue(Files.readAllLines(t).get(0).contains("\"namespace\":\"kube-system\""), Files.readAllLines(t).get(0));
        Cli replay = Cli.run("replay", t.toString());
        assertEquals(0, replay.exit(), replay.toString());
    }

    @Test
    void editedPlaybookDivergesAtTheStepThatChanged() throws IOException {
        Path original = copyPlaybook("original", "rp >= 1");
        Path t = tmp.resolve("rp.jsonl");
        Cli rec = Cli.run("run", "rp-check", "--playbooks", original.toString(), "--lab", SEED, "--set", POD,
                "--output", "json", "--transcript", t.toString());
        assertEquals(0, rec.exit(), rec.toString());

        Cli same = Cli.run("replay", t.toString(), "--playbooks", original.toString());
        assertEquals(0, same.exit(), same.toString());

        Path edited = copyPlaybook("edited", "rp >= 3");
        Cli diverged = Cli.run("replay", t.toString(), "--playbooks", edited.toString());
        assertEquals(1, diverged.exit(), diverged.toString());
        assertTrue(diverged.err().contains("at step 'rp'"), diverged.err());
        assertTrue(diverged.err().contains("finding 'rp-on'"), diverged.err());
    }

    /** A session killed mid-way leaves a transcript without its end record: replay says so, and where it stops. */
    @Test
    void aTranscriptWithoutItsEndIsCalledIncomplete() throws IOException {
        Path t = tmp.resolve("seed.jsonl");
        assertEquals(0, Cli.run("run", "failing-probes", "--lab", SEED, "--set", POD, "--output", "json", "--transcript", t.toString()).exit());
        List<String> lines = Files.readAllLines(t);
        // keep the header and everything up to the second recorded step
        int cut = 0;
        int steps = 0;
        for (int i = 0; i < lines.size() && steps < 2; i++) {
            if (lines.get(i).contains("\"type\":\"step\"")) steps++;
            cut = i + 1;
        }
        Path cutOff = tmp.resolve("cut.jsonl");
        Files.write(cutOff, lines.subList(0, cut));
        Cli r = Cli.run("replay", cutOff.toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals(List.of("ktriage: " + cutOff + ": the transcript is incomplete: it has no end record and stops after step"
                + " 'probe-events' (2 step(s) recorded); the replay agrees with every recorded step"), r.err().lines().toList());
    }

    @Test
    void unreadableTranscriptIsOneLine() throws IOException {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{not json\n");
        Cli r = Cli.run("replay", bad.toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.toString());
        assertTrue(r.err().contains("bad.jsonl:1"), r.err());
    }

    private Path copyPlaybook(String name, String condition) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name).resolve("rp-check"));
        String text = Files.readString(Path.of("src/test/resources/replay/rp-check/playbook.yaml"));
        Files.writeString(dir.resolve("playbook.yaml"), text.replace("rp >= 1", condition));
        return dir.getParent();
    }
}
