package dev.ktriage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where a session looks: a lab scenario, or a cluster from kubeconfig. */
final class TargetOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--lab", paramLabel = "DIR", description = "Run against an embedded lab loaded from this scenario folder (no cluster needed).")
    Path lab;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current context).")
    String context;

    /** How to reach the cluster and its nodes: the options `fleet` shares. */
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    /** Where notes about the target go (the command's stderr). */
    PrintWriter err() {
        return mixee != null ? mixee.commandLine().getErr() : new PrintWriter(System.err, true);
    }
}
