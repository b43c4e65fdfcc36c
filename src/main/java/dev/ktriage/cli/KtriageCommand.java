package dev.ktriage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ktriage",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Guided troubleshooting for Kubernetes: playbooks that gather evidence from the API and from nodes"
                    + " over SSH, explain each step, and name the cause with its evidence and a remedy.",
            "",
            "Every session is recorded as a transcript that `ktriage replay` re-runs offline."},
        subcommands = {TriageCommand.class, RunCommand.class, ReplayCommand.class, ListCommand.class, LabCommand.class, DemoCommand.class, PluginCommand.class})
final class KtriageCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
