package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up fast path of `replay` takes only what it reads exactly as picocli does and fails the same way. */
class FastReplayTest {

    @TempDir
    Path tmp;

    @Test
    void leavesEverythingElseToPicocli() {
        String[][] others = {{"replay"}, {"replay", "--help"}, {"replay", "a", "b"}, {"replay", "--bogus", "x"},
            {"replay", "@args"}, {"replay", "x", "--playbooks"}, {"replay", "--", "x"}, {"replay", "x", "--playbooks", "-d"},
            {"replay", "x", "--pluginsx=y"}, {"replay", "-h"}};
        for (String[] args : others) {
            StringWriter err = new StringWriter();
            assertNull(FastReplay.run(new PrintWriter(new StringWriter()), new PrintWriter(err), false, args), String.join(" ", args));
            assertEquals("", err.toString());
        }
        Cli r = Cli.run("replay", "a", "b");
        assertEquals(1, r.exit());
        assertEquals("ktriage: Unmatched argument at index 2: 'b' (see: ktriage replay --help)", r.err().strip());
    }

    @Test
    void errorsAreTheOneLineAndExitCodeOfTheCommand() throws Exception {
        Path missing = tmp.resolve("missing.jsonl");
        StringWriter err = new StringWriter();
        assertEquals(1, FastReplay.run(new PrintWriter(new StringWriter()), new PrintWriter(err), false, "replay", missing.toString()));
        assertEquals("ktriage: transcript not found: " + missing, err.toString().strip());

        Path t = tmp.resolve("t.jsonl");
        Files.writeString(t, "{\"type\":\"session\",\"playbook\":\"failing-probes\",\"inputs\":{}}\n");
        for (String[] args : new String[][] {{"replay", t.toString(), "--playbooks", tmp.resolve("nope").toString()},
            {"replay", "--debug", "--playbooks=" + tmp.resolve("nope"), t.toString()}}) {
            Cli r = Cli.run(args);
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.err().startsWith("ktriage: playbook folder not found: " + tmp.resolve("nope") + "\n"), r.err());
        }
        Cli plain = Cli.run("replay", t.toString(), "--plugins", tmp.resolve("nope").toString());
        assertEquals(1, plain.exit(), plain.toString());
        assertTrue(plain.err().contains("ktriage: plugin"), plain.err());
    }

    @Test
    void skippedPluginsAreReportedOnlyOnceTheTranscriptWasRead() throws Exception {
        String fixtures = "src/test/resources/plugins";
        Cli unreadable = Cli.run("replay", tmp.resolve("missing.jsonl").toString(), "--plugins", fixtures);
        assertEquals(1, unreadable.exit());
        assertEquals("ktriage: transcript not found: " + tmp.resolve("missing.jsonl"), unreadable.err().strip());

        Path t = tmp.resolve("t.jsonl");
        Files.writeString(t, "{\"type\":\"session\",\"playbook\":\"dns-timeouts\",\"inputs\":{\"node\":\"n1\"}}\n");
        assertEquals("dns-timeouts", CatalogPrefetch.sessionPlaybook(t));
        Cli r = Cli.run("replay", t.toString(), "--plugins", fixtures);
        assertEquals(1, r.exit(), r.toString());
        List<String> err = r.err().lines().toList();
        assertEquals(7, err.size(), r.err());
        for (int i = 0; i < 6; i++) assertTrue(err.get(i).startsWith("ktriage: plugin '"), r.err());
        assertTrue(err.get(6).endsWith("the transcript is incomplete: it has no end record and stops before its first step (0 step(s) recorded); the replay agrees with every recorded step"), r.err());
    }
}
