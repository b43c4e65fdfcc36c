package dev.ktriage.cli;

import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.gateway.cluster.Fabric8ClusterGateway;
import dev.ktriage.gateway.node.ClusterNodeResolver;
import dev.ktriage.gateway.node.ConfiguredNodeResolver;
import dev.ktriage.gateway.node.NodeAddress;
import dev.ktriage.gateway.node.NodeOverrides;
import dev.ktriage.gateway.node.SshConfig;
import dev.ktriage.gateway.node.SshNodeGateway;
import dev.ktriage.gateway.node.SshSettings;
import dev.ktriage.lab.Lab;
import dev.ktriage.lab.scenario.Scenario;
import dev.ktriage.lab.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.ktriage.engine.BadInputException;
import dev.ktriage.gateway.node.ApiNodeGateway;
import dev.ktriage.gateway.node.NodeAccess;
import dev.ktriage.gateway.node.RefusingNodeGateway;
import dev.ktriage.gateway.node.RoutingNodeGateway;
import dev.ktriage.gateway.debugpod.DebugPodConfig;
import dev.ktriage.gateway.debugpod.DebugPodNodeGateway;
import dev.ktriage.gateway.debugpod.DebugPodSettings;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.function.Supplier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/** The gateways a session uses, and whatever has to be closed after it (a lab's servers). */
final class Target implements AutoCloseable {

    private final ClusterGateway cluster;
    private final NodeGateway nodes;
    private final Lab lab;

    Target(ClusterGateway cluster, NodeGateway nodes, Lab lab) {
        this.cluster = cluster;
        this.nodes = nodes;
        this.lab = lab;
    }

    /** The embedded lab this target runs on; null on a live cluster. */
    Lab lab() {
        return lab;
    }

    static Target open(TargetOptions o) {
        Duration timeout = Duration.ofSeconds(Math.max(1, o.connection.timeoutSeconds));
        NodeAccess access = access(o.connection.nodeAccess);
        if (o.lab != null) return lab(ScenarioLoader.load(o.lab), timeout, o.connection);
        Fabric8ClusterGateway cluster = Fabric8ClusterGateway.connect(o.connection.kubeconfig, o.context, o.connection.namespace, timeout);
        try {
            NodeOverrides overrides = NodeOverrides.load(NodeOverrides.DEFAULT_FILE);
            DebugPodConfig pods = DebugPodConfig.load(NodeOverrides.DEFAULT_FILE);
            String readOnly = readOnly(o.connection, pods, SessionRunner.context(cluster.describe()));
            if (access == NodeAccess.DEBUG_POD) refuseIfReadOnly(readOnly);
            // only the ways this session can reach a node: the preflight asks for what they need, no more
            Set<NodeAccess> used = EnumSet.of(NodeAccess.SSH, access);
            overrides.entries().stream().map(NodeOverrides.Entry::access).filter(a -> a != null).forEach(used::add);
            if (used.equals(EnumSet.of(NodeAccess.SSH))) return new Target(cluster, liveNodes(cluster, o, overrides), null);
            Function<String, NodeAccess> accessOf = node -> overrides.forNode(node).map(NodeOverrides.Entry::access).filter(a -> a != null).orElse(access);
            Map<NodeAccess, Supplier<NodeGateway>> makers = new EnumMap<>(NodeAccess.class);
            makers.put(NodeAccess.SSH, () -> liveNodes(cluster, o, overrides));
            if (used.contains(NodeAccess.API)) makers.put(NodeAccess.API, () -> new ApiNodeGateway(cluster));
            if (used.contains(NodeAccess.DEBUG_POD)) {
                makers.put(NodeAccess.DEBUG_POD, readOnly != null
                        ? () -> new RefusingNodeGateway("its access is debug-pod, which creates a pod, and this session is read-only (" + readOnly + ")")
                        : () -> debugPods(cluster, o.connection, pods, access));
            }
            return new Target(cluster, new RoutingNodeGateway(accessOf, makers), null);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** A session-wide --node-access debug-pod in a session that may create nothing is bad input. */
    private static void refuseIfReadOnly(String readOnly) {
        if (readOnly != null) {
            throw new BadInputException("--node-access debug-pod creates pods on the nodes, and this session is read-only (" + readOnly + ")");
        }
    }

    /** Why this session may create nothing, or null when it may. */
    private static String readOnly(ConnectionOptions c, DebugPodConfig config, String context) {
        if (c.readOnly) return "--read-only";
        if (config.readOnly(context)) return "context " + context + " is readOnly in " + NodeOverrides.DEFAULT_FILE;
        return null;
    }

    /** Debug pods in --debug-pod-namespace, else the config's, else the session's namespace; consent given by --node-access debug-pod or --allow-debug-pods. */
    private static NodeGateway debugPods(Fabric8ClusterGateway cluster, ConnectionOptions c, DebugPodConfig config, NodeAccess sessionAccess) {
        String namespace = c.debugPodNamespace != null ? c.debugPodNamespace
                : config.namespace() != null ? config.namespace()
                : cluster.namespace() != null ? cluster.namespace() : "default";
        DebugPodSettings settings = config.applyTo(DebugPodSettings.defaults(namespace)).withNamespace(c.debugPodNamespace).withImage(c.debugPodImage);
        boolean given = sessionAccess == NodeAccess.DEBUG_POD || c.allowDebugPods;
        return new DebugPodNodeGateway(cluster.kubernetesClient(), settings, given ? DebugPodNodeGateway.Consent.GIVEN : DebugPodNodeGateway.Consent.ASK);
    }

    static NodeAccess access(String option) {
        try {
            return NodeAccess.of(option == null ? "ssh" : option);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--node-access: " + e.getMessage());
        }
    }

    /** A scenario's embedded lab, started for this session. */
    static Target lab(Scenario scenario, Duration timeout) {
        return lab(scenario, timeout, new ConnectionOptions());
    }

    /**
     * A lab whose nodes are reached over SSH, through its API server's node log queries, or through
     * debug pods its API server accepts and answers from the same node answers.
     */
    static Target lab(Scenario scenario, Duration timeout, ConnectionOptions c) {
        NodeAccess access = access(c.nodeAccess);
        if (access == NodeAccess.DEBUG_POD && c.readOnly) refuseIfReadOnly("--read-only");
        Lab lab = Lab.start(scenario);
        Fabric8ClusterGateway cluster = lab.clusterGateway(timeout);
        NodeGateway nodes = switch (access) {
            case API -> new ApiNodeGateway(cluster);
            case DEBUG_POD -> debugPods(cluster, c, DebugPodConfig.none(), access);
            case SSH -> lab.nodeGateway();
        };
        return new Target(cluster, nodes, lab);
    }

    /**
     * Nodes as an operator reaches them: their ~/.ssh/config, known_hosts, ssh-agent and keys, and the
     * ktriage config's per-node overrides; host keys are checked unless --ssh-accept-new.
     */
    private static NodeGateway liveNodes(ClusterGateway cluster, TargetOptions o, NodeOverrides overrides) {
        if (o.connection.sshConfig != null && !Files.isRegularFile(o.connection.sshConfig)) throw new IllegalArgumentException("ssh config not found: " + o.connection.sshConfig);
        Path home = Path.of(System.getProperty("user.home"));
        Path ssh = home.resolve(".ssh");
        List<Path> keys = Stream.of("id_ed25519", "id_ecdsa", "id_rsa").map(ssh::resolve).filter(Files::isReadable).toList();
        String user = System.getenv().getOrDefault("KTRIAGE_SSH_USER", System.getProperty("user.name"));
        // the operator's ssh-agent, as their ssh uses it: its keys go first
        String agent = System.getenv("SSH_AUTH_SOCK");
        SshSettings settings = new SshSettings(ssh.resolve("known_hosts"), keys, o.connection.sshAcceptNew, Duration.ofSeconds(10), Duration.ofSeconds(5))
                .withAgent(agent == null || agent.isBlank() ? null : Path.of(agent));
        ClusterNodeResolver fromStatus = new ClusterNodeResolver(cluster, user);
        SshConfig sshConfig = sshConfig(o.connection.sshConfig, home);
        for (String warning : sshConfig.warnings()) o.err().println("ktriage: " + warning);
        o.err().flush();
        ConfiguredNodeResolver resolver = new ConfiguredNodeResolver(new ConfiguredNodeResolver.Sources(fromStatus::statusAddress,
                sshConfig, overrides,
                o.connection.sshUser, user, home, new NodeAddress.HostKeyPolicy(settings.knownHosts(), settings.acceptNewHostKeys()), o.connection.sshProxyCommand));
        return new SshNodeGateway(settings, resolver);
    }

    /** As ssh reads it: {@code -F FILE} alone, else ~/.ssh/config then /etc/ssh/ssh_config. */
    private static SshConfig sshConfig(Path file, Path home) {
        if (file != null) return SshConfig.load(file, home);
        return SshConfig.load(home.resolve(".ssh").resolve("config"), home).then(SshConfig.loadSystem(SshConfig.SYSTEM_FILE));
    }

    ClusterGateway cluster() {
        return cluster;
    }

    NodeGateway nodes() {
        return nodes;
    }

    List<String> unansweredCommands() {
        return lab == null ? List.of() : lab.unansweredCommands();
    }

    @Override
    public void close() {
        try {
            nodes.close();
            cluster.close();
        } finally {
            if (lab != null) lab.close();
        }
    }
}
