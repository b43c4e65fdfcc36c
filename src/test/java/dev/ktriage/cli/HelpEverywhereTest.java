package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.ui.SeedLab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command and subcommand answers --help and -h (exit 0, its own usage, before any required
 * argument is asked for), `ktriage help CMD` prints the same page, the hint after a mistake names
 * the whole command, `completion bash` completes in a real bash, and an unknown --set key is refused.
 */
class HelpEverywhereTest {

    @TempDir
    Path tmp;

    /** Every command path of the model: [triage], [plugin], [plugin, test], ... */
    private static List<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        walk(new CommandLine(new KtriageCommand()), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            out.add(p);
            walk(e.getValue(), p, out);
        }
    }

    @Test
    void everyCommandAnswersHelp() {
        List<List<String>> all = commands();
        assertTrue(all.size() >= 11, "commands: " + all);
        for (List<String> path : all) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                Cli r = Cli.run(args.toArray(String[]::new));
                assertEquals(0, r.exit(), args + ": " + r);
                assertTrue(r.out().startsWith("Usage: ktriage " + String.join(" ", path) + " "), args + ": " + r.out());
                assertEquals("", r.err(), args + ": " + r);
            }
            List<String> help = new ArrayList<>(List.of("help"));
            help.addAll(path);
            Cli viaHelp = Cli.run(help.toArray(String[]::new));
            assertEquals(0, viaHelp.exit(), viaHelp.toString());
            List<String> dashed = new ArrayList<>(path);
            dashed.add("--help");
            assertEquals(Cli.run(dashed.toArray(String[]::new)).out(), viaHelp.out(), "help " + path);
        }
    }

    @Test
    void mistakesPointAtTheWholeCommand() {
        Cli r = Cli.run("plugin", "test");
        assertEquals(1, r.exit());
        assertEquals(List.of("ktriage: Missing required parameter: 'DIR' (see: ktriage plugin test --help)"), r.err().lines().toList());
        Cli unknown = Cli.run("help", "nope");
        assertEquals(1, unknown.exit());
        assertEquals(1, unknown.err().lines().count(), unknown.toString());
        assertTrue(unknown.err().startsWith("ktriage: help: no command 'nope' (commands: triage, run,"), unknown.toString());
    }

    @Test
    void anUnknownSetKeyIsRefusedWithTheClosestOne() {
        Cli r = Cli.run("run", SeedLab.PLAYBOOK, "--lab", SeedLab.scenario().toString(), "--set", "pood=kube-system/coredns-749558f7dd-w6jdj",
                "--transcript", tmp.resolve("t.jsonl").toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals(List.of("ktriage: --set pood: failing-probes takes no input or answer 'pood' (did you mean 'pod'?); it takes: pod"),
                r.err().lines().toList());
        assertTrue(Files.notExists(tmp.resolve("t.jsonl")), "no session was started");
    }

    @Test
    void bashCompletesCommandsSubcommandsAndOptions() throws IOException, InterruptedException {
        Cli script = Cli.run("completion", "bash");
        assertEquals(0, script.exit(), script.err());
        Path file = tmp.resolve("ktriage.bash");
        Files.writeString(file, script.out());
        assertEquals("run", complete(file, "ktriage ru"));
        assertEquals("test", complete(file, "ktriage plugin "));
        assertEquals("--transcript", complete(file, "ktriage run --tr"));
        assertEquals(script.out(), Cli.run("completion", "zsh").out(), "one script serves both shells");
        Cli fish = Cli.run("completion", "fish");
        assertEquals(1, fish.exit());
        assertEquals(List.of("ktriage: completion: shell must be bash or zsh, not 'fish'"), fish.err().lines().toList());
    }

    /** What bash offers for LINE (the cursor at its end), through the function the script registers. */
    private static String complete(Path script, String line) throws IOException, InterruptedException {
        String words = line.endsWith(" ") ? line + "''" : line;
        String program = "source " + script + " 2>/dev/null; f=$(complete -p ktriage | sed 's/.*-F \\([^ ]*\\).*/\\1/');"
                + " COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE='" + line + "';"
                + " COMP_POINT=${#COMP_LINE}; $f 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return out;
    }
}
