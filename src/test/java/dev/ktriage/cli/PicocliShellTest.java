package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.ui.CommandShell;
import dev.ktriage.ui.SeedLab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands the REPL shares with the command line, run through the same picocli classes against
 * the REPL's lab: their output, exit codes, one-line errors, usage and completion.
 */
class PicocliShellTest {

    @TempDir
    static Path tmp;
    static SeedLab seed;
    static CommandShell shell;

    @BeforeAll
    static void startLab() {
        seed = new SeedLab(tmp);
        shell = new PicocliShell(seed.workspace(null, tmp));
    }

    @AfterAll
    static void stopLab() {
        seed.close();
    }

    /** One command line through the shell, with what it printed; the writers must still be usable after it. */
    private record Ran(int exit, String out, String err) {
        static Ran of(String... words) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            PrintWriter o = new PrintWriter(out);
            PrintWriter e = new PrintWriter(err);
            int exit = shell.execute(List.of(words), o, e);
            o.print("");
            e.print("");
            assertFalse(o.checkError() || e.checkError(), "the shell closed the REPL's writers");
            return new Ran(exit, out.toString(), err.toString());
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    @Test
    void offersTheSharedCommandsWithTheirDescriptions() {
        assertEquals(List.of("list", "triage", "replay", "plugin"), shell.names());
        String summary = shell.summary();
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("triage [OPTIONS]") && l.contains("Scan the cluster")), summary);
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("replay FILE ")), summary);
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("plugin test DIR ") && l.contains("Load a plugin")), summary);
        String usage = shell.usage("triage");
        assertTrue(usage.startsWith("Usage: triage [-o=<output>]") && usage.contains("-o, --output"), usage);
        assertFalse(usage.contains("--lab") || usage.contains("--kubeconfig") || usage.contains("--playbooks"),
                "the REPL's target and playbooks are fixed: " + usage);
        assertTrue(shell.usage("plugin test").contains("DIR"), shell.usage("plugin test"));
        assertEquals("", shell.usage("run"), "run is not shared");
    }

    @Test
    void listsTheREPLsPlaybooks() {
        Ran r = Ran.of("list");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("failing-probes ")), r.toString());
        assertTrue(r.out().contains("diagnoses: ") && r.out().contains("rp-filter-strict-on-cni-device"), r.toString());
    }

    @Test
    void triageScansTheREPLsClusterAndSaysHowToStartTheSuggestion() {
        // No --lab and no kubeconfig: the scan can only have reached the REPL's lab.
        Ran r = Ran.of("triage");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("1. failing-probes"), r.toString());
        assertTrue(r.out().contains("try: start failing-probes pod=kube-system/coredns-749558f7dd-w6jdj"), r.toString());
        Ran json = Ran.of("triage", "-o", "json");
        assertTrue(json.out().strip().startsWith("{") && json.out().contains("\"suggestions\""), json.toString());
        assertTrue(Ran.of("triage").out().startsWith("1. "), "options are back to their defaults on the next line");
    }

    @Test
    void errorsAreOneLineAndNothingExits() {
        Ran lab = Ran.of("triage", "--lab", "somewhere");
        assertEquals(1, lab.exit(), lab.toString());
        assertEquals(List.of("ktriage: Unknown options: '--lab', 'somewhere' (see: help triage)"), lab.err().lines().toList());
        Ran bad = Ran.of("triage", "-o", "yaml");
        assertEquals(1, bad.exit(), bad.toString());
        assertEquals(List.of("ktriage: --output must be text or json"), bad.err().lines().toList());
        Ran missing = Ran.of("replay", tmp.resolve("nothing.jsonl").toString());
        assertEquals(1, missing.exit(), missing.toString());
        assertEquals(1, missing.err().lines().count(), missing.toString());
        assertTrue(missing.err().startsWith("ktriage: ") && missing.err().contains("nothing.jsonl"), missing.toString());
        Ran noFile = Ran.of("replay");
        assertEquals(List.of("ktriage: Missing required parameter: 'FILE' (see: help replay)"), noFile.err().lines().toList());
        Ran noPlugin = Ran.of("plugin", "test", tmp.resolve("no-plugin").toString());
        assertEquals(1, noPlugin.exit(), noPlugin.toString());
        assertEquals(1, noPlugin.err().lines().count(), noPlugin.toString());
        assertEquals(0, Ran.of("replay", "--help").exit());
        assertTrue(Ran.of("replay", "--help").out().contains("FILE"));
    }

    @Test
    void replaysATranscriptTheCommandLineWrote() {
        Path transcript = tmp.resolve("seed-run.jsonl");
        Cli run = Cli.run("run", SeedLab.PLAYBOOK, "--lab", SeedLab.scenario().toString(), "--set",
                "pod=kube-system/coredns-749558f7dd-w6jdj", "--output", "json", "--transcript", transcript.toString());
        assertEquals(0, run.exit(), run.toString());
        Ran r = Ran.of("replay", transcript.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("replay ok: failing-probes"), r.toString());
    }

    @Test
    void testsAPluginAsTheCommandLineDoes() {
        Ran r = Ran.of("plugin", "test", "plugins/workload-exposure");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\d+ passed, 0 failed")), r.toString());
    }

    @Test
    void completesFromTheCommandsModel() {
        assertEquals(shell.names(), shell.complete(List.of(""), 0).words());
        List<String> triage = shell.complete(List.of("triage", ""), 1).words();
        assertTrue(triage.containsAll(List.of("-o", "--output")), triage.toString());
        assertFalse(triage.contains("--lab"), triage.toString());
        assertEquals(List.of("test"), shell.complete(List.of("plugin", ""), 1).words());
        assertTrue(shell.complete(List.of("plugin", "test", ""), 2).paths(), "DIR is a path");
        assertTrue(shell.complete(List.of("replay", ""), 1).paths(), "FILE is a path");
        CommandShell.Completion value = shell.complete(List.of("triage", "-o", ""), 2);
        assertEquals(List.of(), value.words(), "-o takes a value, not another option");
        assertFalse(shell.complete(List.of("replay", "x.jsonl", ""), 2).paths(), "one FILE only");
        assertEquals(CommandShell.Completion.NONE, shell.complete(List.of("run", ""), 1));
    }
}
