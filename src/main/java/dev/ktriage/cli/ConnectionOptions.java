package dev.ktriage.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How a session reaches a cluster and its nodes: kubeconfig, namespace, SSH, node access and the
 * API timeout. One set of options for the commands that start sessions ({@link TargetOptions}) and
 * for {@code fleet}, which gives each member a copy of them.
 */
final class ConnectionOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config).")
    Path kubeconfig;

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
}
