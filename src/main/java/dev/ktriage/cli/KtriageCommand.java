package dev.ktriage.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ktriage",
        versionProvider = Version.class,
        description = {
            "Guided troubleshooting for Kubernetes: playbooks that gather evidence from the API and from nodes"
                    + " over SSH, explain each step, and name the cause with its evidence and a remedy.",
            "",
            "With no command and a terminal, opens the full-screen TUI on the cluster (or on --lab DIR).",
            "Every session is recorded as a transcript that `${ROOT-COMMAND-NAME} replay` re-runs offline."},
        subcommands = {TriageCommand.class, RunCommand.class, ReplayCommand.class, ListCommand.class, LabCommand.class,
            DemoCommand.class, ReplCommand.class, PluginCommand.class, RedactCommand.class, CompletionCommand.class, HelpCmd.class,
            FleetCommand.class, VerifyCommand.class, CleanupCommand.class,
            AggregateCommand.class})
final class KtriageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Inherited: {@code --help} works on every command and subcommand, before any required argument is asked for. */
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @Option(names = "--step", description = "In the TUI, pause before each step (space or n runs it; p turns it off).")
    boolean stepThrough;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Mixin
    PlaybookOptions playbooks = new PlaybookOptions();

    @Override
    public Integer call() throws Exception {
        if (!Interactive.terminal()) {
            Interactive.lineModeNotice(spec.commandLine().getErr());
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
        try (Target t = Target.open(target)) {
            Interactive.tui(Interactive.workspace(playbooks.catalog(), t, target.connection.namespace, null, Transcripts::defaultPath),
                    stepThrough, spec.commandLine().getOut(), spec.root().name() + " replay", f -> java.util.List.of());
        }
        return 0;
    }
}
