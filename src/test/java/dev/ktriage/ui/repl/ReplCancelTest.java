package dev.ktriage.ui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.lab.LabFixtures;
import dev.ktriage.ui.SeedLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C at the REPL's prompt cancels a gather that hangs on a slow node; the session ends inconclusive. */
class ReplCancelTest {

    @TempDir
    Path tmp;

    @Test
    void ctrlCCancelsTheRunningGather() throws Exception {
        // The node answers the route lookup only when the step's 10 s remote timeout ends it: far later than the cancel.
        Path scenario = LabFixtures.slowSeed(tmp.resolve("slow"));
        List<String> printed = new CopyOnWriteArrayList<>();
        try (SeedLab lab = new SeedLab(tmp, scenario)) {
            ReplCommands r = new ReplCommands(lab.workspace(null, tmp), printed::add);
            assertEquals("", r.interrupt(), "nothing to cancel before a session");
            // Connect to node0 first (the session reuses the connection), so that on a loaded machine the
            // Ctrl-C below lands in the slow command and not in a handshake still going on.
            assertTrue(r.execute("ssh node0 sysctl net.ipv4.conf.all.rp_filter").contains("rp_filter = 0"));
            r.execute("start failing-probes pod=kube-system/coredns-749558f7dd-w6jdj");
            r.execute("continue");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (printed.stream().noneMatch(p -> p.contains("ip route get 10.0.0.113"))) {
                if (System.nanoTime() > deadline) throw new AssertionError("the slow step never started: " + printed);
                Thread.sleep(20);
            }
            Thread.sleep(300);
            long cancelledAt = System.nanoTime();
            assertTrue(r.interrupt().startsWith("cancelling the running gather"), printed.toString());
            while (printed.stream().noneMatch(p -> p.startsWith("session ended:"))) {
                if (System.nanoTime() > deadline) throw new AssertionError("the session did not end: " + printed);
                Thread.sleep(20);
            }
            long seconds = (System.nanoTime() - cancelledAt) / 1_000_000_000L;
            assertTrue(seconds < 5, "ended " + seconds + " s after Ctrl-C, not when the node answered");
            String end = printed.stream().filter(p -> p.startsWith("session ended:")).findFirst().orElseThrow();
            assertTrue(end.startsWith("session ended: interrupted (the operator stopped the session"), end);
            Path transcript = Path.of(end.substring(end.indexOf("transcript: ") + "transcript: ".length(), end.length() - 1));
            List<String> lines = Files.readAllLines(transcript);
            String last = lines.get(lines.size() - 1);
            assertTrue(last.contains("\"type\":\"end\"") && last.contains("\"outcome\":\"interrupted\""), last);
        }
    }
}
