package dev.ktriage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where a session looks: a lab scenario, or a cluster from kubeconfig. */
final class TargetOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--lab", paramLabel = "DIR", description = "Run against an embedded lab loaded from this scenario folder (no cluster needed).")
    Path lab;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current context).")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace for inputs given without one.")
    String namespace;

    @Option(names = "--ssh-user", paramLabel = "USER", description = "User for SSH to nodes (default: ~/.ssh/config's User, then $KTRIAGE_SSH_USER, then yours).")
    String sshUser;

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "OpenSSH client config to read instead of ~/.ssh/config and /etc/ssh/ssh_config, as ssh -F (Host, Match, Include; Match exec is never run).")
    Path sshConfig;

    @Option(names = "--ssh-proxy-command", paramLabel = "COMMAND", description = "Reach every node through COMMAND's stdin and stdout, as ssh's ProxyCommand (%%h host, %%p port, %%r user, %%n node name, %%%% a %%): e.g. 'aws ssm start-session --target %%h --document-name AWS-StartSSHSession --parameters portNumber=%%p'. Without it, ~/.ssh/config's ProxyCommand applies.")
    String sshProxyCommand;

    @Option(names = "--ssh-accept-new", description = "Trust on first use: add unknown node host keys to known_hosts. A changed key is refused regardless.")
    boolean sshAcceptNew;

    @Option(names = "--node-access", paramLabel = "ssh|api", defaultValue = "ssh", description = "How nodes are reached: ssh (default), or api:"
            + " through the API server alone, where the kubelet's node log query answers journalctl -u UNIT and cat /var/log/FILE"
            + " (steps that need any other node command are inconclusive, saying so). A node's access in ~/.config/ktriage/config.yaml wins.")
    String nodeAccess;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15", description = "Bound for each API request (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Where notes about the target go (the command's stderr). */
    PrintWriter err() {
        return mixee != null ? mixee.commandLine().getErr() : new PrintWriter(System.err, true);
    }
}
