package dev.ktriage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ktriage as a kubectl plugin: the real kubectl (CI installs Debian's kubernetes-client) finds
 * src/main/dist/kubectl-triage through a symlink on PATH and runs the launcher with the arguments;
 * ktriage's usage and hints then name {@code kubectl triage}.
 */
class KubectlPluginTest {

    @TempDir
    static Path bin;

    @BeforeAll
    static void pluginOnPath() throws IOException, InterruptedException {
        Launcher.ensureJar();
        Files.createSymbolicLink(bin.resolve("kubectl-triage"), Launcher.ROOT.resolve("src/main/dist/kubectl-triage"));
    }

    private static String[] kubectl(String... args) throws IOException, InterruptedException {
        return kubectl(bin, args);
    }

    /** Runs the real kubectl with {@code bin} first on PATH and no kubeconfig: exit code, stdout, stderr. */
    static String[] kubectl(Path bin, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("kubectl"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(bin.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("KUBECONFIG", bin.resolve("no-kubeconfig").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "kubectl did not end");
        return new String[] {String.valueOf(p.exitValue()), out, err};
    }

    @Test
    void kubectlTriageHelpRunsKtriage() throws Exception {
        String[] r = kubectl("triage", "--help");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].startsWith("Usage: kubectl triage "), r[1]);
        String[] sub = kubectl("triage", "run", "--help");
        assertEquals("0", sub[0], sub[1] + sub[2]);
        assertTrue(sub[1].startsWith("Usage: kubectl triage run "), sub[1]);
        assertTrue(sub[1].contains("(see: kubectl triage list)"), sub[1]);
    }

    @Test
    void aMistakeThroughKubectlPointsAtKubectlTriage() throws Exception {
        String[] r = kubectl("triage", "run", "failing-probes", "--no-such-option");
        assertEquals("1", r[0], r[1] + r[2]);
        // the last line: the launcher may first say it prepares the class-data archive
        List<String> lines = r[2].lines().toList();
        assertEquals("ktriage: Unknown option: '--no-such-option' (see: kubectl triage run --help)", lines.get(lines.size() - 1), r[2]);
    }

    @Test
    void kubectlListsThePluginAndItRunsOnALab() throws Exception {
        String[] list = kubectl("plugin", "list");
        assertTrue(list[1].contains(bin.resolve("kubectl-triage").toString()), list[1] + list[2]);
        String[] run = kubectl("triage", "run", "failing-probes", "--lab", Launcher.seedScenario(), "--set",
                "pod=kube-system/coredns-749558f7dd-w6jdj", "--output", "json", "--transcript", bin.resolve("t.jsonl").toString());
        assertEquals("0", run[0], run[2]);
        assertTrue(run[1].contains("\"outcome\" : \"diagnosed\"") || run[1].contains("\"outcome\":\"diagnosed\""), run[1]);
    }
}
