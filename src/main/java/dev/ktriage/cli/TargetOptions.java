package dev.ktriage.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a session looks: a lab scenario, or a cluster from kubeconfig. */
final class TargetOptions {

    @Option(names = "--lab", paramLabel = "DIR", description = "Run against an embedded lab loaded from this scenario folder (no cluster needed).")
    Path lab;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current context).")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace for inputs given without one.")
    String namespace;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15", description = "Bound for each API request (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;
}
