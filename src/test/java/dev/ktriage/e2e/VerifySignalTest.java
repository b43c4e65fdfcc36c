package dev.ktriage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) during `verify --watch`: exit 130 within seconds, the verify's transcript closed with its end record. */
class VerifySignalTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void theJar() throws Exception {
        Launcher.ensureJar();
    }

    @Test
    void sigintEndsTheWatchInterruptedWithItsEndRecord() throws Exception {
        Path first = tmp.resolve("seed.jsonl");
        Cli seed = Cli.run("run", "failing-probes", "--lab", "playbooks/failing-probes/scenarios/seed-coredns-cilium-rp-filter",
                "--set", "pod=kube-system/coredns-749558f7dd-w6jdj", "--transcript", first.toString());
        assertEquals(0, seed.exit(), seed.toString());
        Path transcript = tmp.resolve("verify.jsonl");
        Process p = new ProcessBuilder(Launcher.ROOT.resolve("ktriage").toString(), "verify", first.toString(),
                "--lab", Launcher.ROOT.resolve("playbooks/martian-source/after-fix/fixed").toString(),
                "--watch", "10m", "--every", "1s", "--transcript", transcript.toString())
                .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(transcript) && Files.readString(transcript).lines().filter(l -> l.contains("\"type\":\"verify-verdict\"")).count() >= 4)) {
            assertTrue(p.isAlive(), "ended before two rounds: " + Files.readString(tmp.resolve("err")));
            assertTrue(System.nanoTime() < deadline, "two rounds did not come");
            Thread.sleep(50);
        }
        long sent = System.nanoTime();
        assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running after Ctrl-C");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sent);
        assertEquals(130, p.exitValue(), Files.readString(tmp.resolve("err")));
        assertTrue(seconds < 10, "exited " + seconds + " s after Ctrl-C");
        List<String> lines = Files.readAllLines(transcript);
        String end = lines.get(lines.size() - 1);
        assertTrue(end.contains("\"type\":\"verify-end\"") && end.contains("\"outcome\":\"interrupted\""), end);
    }
}
