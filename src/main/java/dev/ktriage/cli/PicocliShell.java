package dev.ktriage.cli;

import dev.ktriage.ui.CommandShell;
import dev.ktriage.ui.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands the REPL shares with the command line: the very classes {@code ktriage list}, {@code
 * triage}, {@code replay} and {@code plugin test} run, parsed, documented and completed by picocli.
 * They see the REPL's playbooks and cluster, so the options that would pick others ({@code --lab},
 * {@code --kubeconfig}, {@code --playbooks}, ...) are taken out of their model: help and completion
 * do not offer them and the parser refuses them. Errors are one line, as {@link Main} prints them.
 *
 * <p>Not shared: {@code run} (the REPL's {@code start} walks the same session step by step, and a
 * batch run would hold the prompt with nothing to step or cancel), {@code lab} (serves until killed),
 * {@code demo} (its own lab and screen) and {@code repl} itself.
 */
final class PicocliShell implements CommandShell {

    /** Mixin fields whose options choose a target or playbooks: the REPL has chosen them already. */
    private static final List<String> REPL_CHOSEN = List.of("target", "playbooks");

    private final CommandLine root;

    PicocliShell(Workspace ws) {
        ListCommand list = new ListCommand();
        list.playbooks = new PlaybookOptions().loaded(ws.catalog());
        TriageCommand triage = new TriageCommand();
        triage.playbooks = new PlaybookOptions().loaded(ws.catalog());
        triage.cluster = ws.cluster();
        ReplayCommand replay = new ReplayCommand();
        replay.playbooks = new PlaybookOptions().loaded(ws.catalog());
        root = new CommandLine(CommandSpec.create().name(""));
        for (Object command : List.of(list, triage, replay, new PluginCommand())) {
            CommandLine cl = new CommandLine(command);
            withoutReplChosenOptions(cl.getCommandSpec());
            root.addSubcommand(cl);
        }
        // a word starting with @ is an argument, not a file of arguments to read
        root.setExpandAtFiles(false);
        root.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("ktriage: " + Errors.oneLine(ex));
            cmd.getErr().flush();
            return 1;
        });
        root.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("ktriage: " + ex.getMessage() + " (see: help " + path(cmd) + ")");
            cmd.getErr().flush();
            return 1;
        });
    }

    private static void withoutReplChosenOptions(CommandSpec spec) {
        for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
            if (REPL_CHOSEN.contains(mixin.getKey())) mixin.getValue().options().forEach(spec::remove);
        }
    }

    @Override
    public List<String> names() {
        return List.copyOf(root.getSubcommands().keySet());
    }

    @Override
    public String summary() {
        StringBuilder b = new StringBuilder();
        for (CommandLine cl : root.getSubcommands().values()) summarize(cl, b);
        return b.toString().stripTrailing();
    }

    /** A command with subcommands is summed up by its subcommands ({@code plugin test DIR}). */
    private static void summarize(CommandLine cl, StringBuilder b) {
        if (!cl.getSubcommands().isEmpty()) {
            cl.getSubcommands().values().forEach(sub -> summarize(sub, b));
            return;
        }
        CommandSpec spec = cl.getCommandSpec();
        StringBuilder synopsis = new StringBuilder(path(cl));
        for (PositionalParamSpec p : spec.positionalParameters()) {
            synopsis.append(' ').append(p.arity().min() == 0 ? "[" + p.paramLabel() + "]" : p.paramLabel());
        }
        if (!spec.options().isEmpty()) synopsis.append(" [OPTIONS]");
        String[] description = spec.usageMessage().description();
        b.append(String.format("%-29s %s%n", synopsis, description.length == 0 ? "" : description[0]));
    }

    @Override
    public String usage(String name) {
        return usage(find(List.of(name.strip().split("\\s+")), Integer.MAX_VALUE));
    }

    private static String usage(CommandLine cl) {
        // the shell's root has no name: "Usage:  triage" would show its empty place
        return cl == null ? "" : cl.getUsageMessage(Ansi.OFF).stripTrailing().replaceFirst("^Usage: {2}", "Usage: ");
    }

    @Override
    public Completion complete(List<String> words, int at) {
        if (at == 0) return new Completion(names(), false);
        CommandLine cl = find(words, at);
        if (cl == null) return Completion.NONE;
        CommandSpec spec = cl.getCommandSpec();
        // Which argument the word at `at` is: an option's value, or the n-th positional parameter.
        int positional = 0;
        ArgSpec valueOf = null;
        for (int i = depth(cl); i < at && i < words.size(); i++) {
            String w = words.get(i);
            OptionSpec o = w.startsWith("-") && !w.contains("=") ? spec.findOption(w) : null;
            if (o != null && o.arity().max() > 0) {
                if (i + 1 == at) valueOf = o;
                i++;
            } else if (!w.startsWith("-")) {
                positional++;
            }
        }
        if (valueOf != null) return candidates(valueOf, List.of());
        List<String> offered = new ArrayList<>(cl.getSubcommands().keySet());
        spec.options().forEach(o -> offered.addAll(List.of(o.names())));
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.index().contains(positional)) return candidates(p, offered);
        }
        return new Completion(offered, false);
    }

    private static Completion candidates(ArgSpec arg, List<String> also) {
        List<String> words = new ArrayList<>(also);
        if (arg.completionCandidates() != null) arg.completionCandidates().forEach(words::add);
        return new Completion(words, Path.class.isAssignableFrom(arg.type()) || java.io.File.class.isAssignableFrom(arg.type()));
    }

    @Override
    public int execute(List<String> words, PrintWriter out, PrintWriter err) {
        CommandLine cl = find(words, words.size());
        if (cl == null) return CommandShell.NONE.execute(words, out, err);
        try {
            if (words.contains("--help") || words.contains("-h")) {
                out.println(usage(cl));
                return 0;
            }
            root.setOut(out);
            root.setErr(err);
            return root.execute(words.toArray(String[]::new));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The (sub)command the first words of a line name, looking no further than word {@code before}; null if none. */
    private CommandLine find(List<String> words, int before) {
        if (words.isEmpty()) return null;
        CommandLine cl = root.getSubcommands().get(words.get(0));
        for (int i = 1; cl != null && i < Math.min(before, words.size()); i++) {
            CommandLine sub = cl.getSubcommands().get(words.get(i));
            if (sub == null) break;
            cl = sub;
        }
        return cl;
    }

    /** How many words name the command: 1 for {@code triage}, 2 for {@code plugin test}. */
    private static int depth(CommandLine cl) {
        int d = 0;
        for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) d++;
        return d;
    }

    private static String path(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName(" ").strip();
    }
}
