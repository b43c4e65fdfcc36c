package dev.ktriage.ui.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.lab.scenario.ScenarioLoader;
import dev.ktriage.ui.SeedLab;
import dev.ktriage.ui.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `verify` in the REPL: the session that just ended, its facts re-read live on the same target, before and after a fix on the node. */
class ReplVerifyTest {

    @TempDir
    Path tmp;

    @Test
    void verifyAfterTheSessionReReadsItsFactsOnTheSameTarget() throws Exception {
        List<String> printed = new CopyOnWriteArrayList<>();
        try (SeedLab seed = new SeedLab(tmp)) {
            Workspace ws = seed.workspace(null, tmp);
            ReplCommands r = new ReplCommands(ws, printed::add);
            assertTrue(r.execute("verify").startsWith("error: no session"), "nothing to verify before a session: " + printed);
            r.execute("start failing-probes pod=kube-system/coredns-749558f7dd-w6jdj");
            r.execute("continue");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (printed.stream().noneMatch(p -> p.startsWith("session ended:"))) {
                if (System.nanoTime() > deadline) throw new AssertionError("the session did not end: " + printed);
                Thread.sleep(20);
            }
            String before = r.execute("verify");
            assertTrue(before.contains("rp-filter-strict-on-cni-device (martian-source): NOT FIXED"), before);
            assertTrue(before.contains("Verdict: not fixed"), before);

            seed.changeNode("node0", ScenarioLoader.load(Path.of("playbooks/martian-source/after-fix/fixed")).nodes().get("node0"));
            String after = r.execute("verify");
            assertTrue(after.contains("rp-filter-strict-on-cni-device (martian-source): FIXED"), after);
            // the pod in this lab's cluster is still not Ready: the probes' diagnosis stands
            assertTrue(after.contains("node-drops-probe-replies-rp-filter (failing-probes): NOT FIXED"), after);
            String transcript = after.lines().filter(l -> l.startsWith("Transcript: ")).findFirst().orElseThrow().substring(12);
            assertTrue(Files.readString(Path.of(transcript)).contains("\"type\":\"verify\""), transcript);
            assertTrue(!transcript.equals(before.lines().filter(l -> l.startsWith("Transcript: ")).findFirst().orElseThrow().substring(12)),
                    "each verify its own transcript");
        }
    }
}
