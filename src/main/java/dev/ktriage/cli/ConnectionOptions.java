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

    @Option(names = "--node-access", paramLabel = "ssh|api|debug-pod", defaultValue = "ssh", description = "How nodes are reached: ssh (default);"
            + " api: through the API server alone, where the kubelet's node log query answers journalctl -u UNIT and cat /var/log/FILE"
            + " (steps that need any other node command are inconclusive, saying so); debug-pod: a privileged pod on each node read"
            + " (as kubectl debug node/NODE --profile=sysadmin), its commands run with chroot /host, deleted when the session ends —"
            + " giving it is consent to create those pods. A node's access in ~/.config/ktriage/config.yaml wins.")
    String nodeAccess;

    @Option(names = "--allow-debug-pods", description = "Agree beforehand to the debug pods of nodes whose access in the ktriage config is debug-pod (else you are asked; a batch run is refused).")
    boolean allowDebugPods;

    @Option(names = "--debug-pod-namespace", paramLabel = "NS", description = "Namespace for debug pods (default: the config's debugPod.namespace, else the session's namespace). Its PodSecurity must admit privileged pods.")
    String debugPodNamespace;

    @Option(names = "--debug-pod-image", paramLabel = "IMAGE", description = "Image of the debug pods' container; it needs chroot and sleep (default: the config's debugPod.image, else busybox:1.36).")
    String debugPodImage;

    @Option(names = "--read-only", description = "Create nothing in the cluster: no debug pods (as contexts: {NAME: {readOnly: true}} in the ktriage config).")
    boolean readOnly;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15", description = "Bound for each API request (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;
}
