package dev.ktriage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.lab.LabFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) during a batch `run`, in the middle of a gather that would take a minute: the
 * process exits 130 within seconds, and the transcript is closed with its end record.
 */
class RunSignalTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void theJar() throws Exception {
        Launcher.ensureJar();
    }

    @Test
    void sigintEndsTheRunInterruptedWithTheTranscriptsEndRecord() throws Exception {
        Path lab = LabFixtures.slowSeed(tmp.resolve("slow"));
        Path transcript = tmp.resolve("run.jsonl");
        Process p = new ProcessBuilder(Launcher.ROOT.resolve("ktriage").toString(), "run", "failing-probes", "--lab", lab.toString(),
                "--set", "pod=kube-system/coredns-749558f7dd-w6jdj", "--output", "json", "--transcript", transcript.toString())
                .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String started = "\"type\":\"step-start\"";
        while (!(Files.exists(transcript) && Files.readString(transcript).lines()
                .anyMatch(l -> l.contains(started) && l.contains("\"step\":\"" + LabFixtures.SLOW_STEP + "\"")))) {
            assertTrue(p.isAlive(), "ended before the slow step: " + Files.readString(tmp.resolve("err")));
            assertTrue(System.nanoTime() < deadline, "the slow step never started");
            Thread.sleep(50);
        }
        Thread.sleep(300); // inside the gather
        long sent = System.nanoTime();
        assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running after Ctrl-C");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sent);
        assertEquals(130, p.exitValue(), Files.readString(tmp.resolve("err")));
        assertTrue(seconds < 15, "exited " + seconds + " s after Ctrl-C, not when the node answered");
        List<String> lines = Files.readAllLines(transcript);
        String end = lines.get(lines.size() - 1);
        assertTrue(end.contains("\"type\":\"end\"") && end.contains("\"outcome\":\"interrupted\"") && end.contains("the operator stopped the session"), end);
    }
}
