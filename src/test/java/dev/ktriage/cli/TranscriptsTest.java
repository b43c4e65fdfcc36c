package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No session's transcript overwrites another's: within one TUI run, and for two runs in the same second. */
class TranscriptsTest {

    @TempDir
    Path tmp;

    @Test
    void eachSessionOfOneRunGetsItsOwnFile() {
        Transcripts.PerSession paths = new Transcripts.PerSession(tmp.resolve("ktriage-demo-1.jsonl"));
        assertEquals(tmp.resolve("ktriage-demo-1.jsonl"), paths.apply("failing-probes"));
        assertEquals(tmp.resolve("ktriage-demo-1-2.jsonl"), paths.apply("martian-source"));
        assertEquals(tmp.resolve("ktriage-demo-1-3.jsonl"), paths.apply("failing-probes"));
        assertEquals(3, paths.given().size());
    }

    @Test
    void aTakenNameIsNumbered() throws Exception {
        Path first = tmp.resolve("20261203-120000-failing-probes.jsonl");
        Files.writeString(first, "{}\n");
        Path next = Transcripts.unique(first);
        assertEquals(tmp.resolve("20261203-120000-failing-probes-2.jsonl"), next);
        // handed out but not written yet: still not handed out again
        assertNotEquals(next, Transcripts.unique(first));
        assertEquals(List.of(tmp.resolve("a-2.md")), List.of(Transcripts.numbered(tmp.resolve("a.md"), 2)));
    }
}
