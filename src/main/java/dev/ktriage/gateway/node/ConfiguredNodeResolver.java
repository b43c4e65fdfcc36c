package dev.ktriage.gateway.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reaches a node the way the operator's own ssh would: the address from the Node's status, then
 * ~/.ssh/config (a Host or Match block applies when it matches the node's name or its address;
 * first value wins in file order; a user fixed by an override or {@code --ssh-user} is what
 * {@code Match user} sees, as with {@code ssh -l}), then the ktriage config's per-node overrides, which win over both.
 * <ul>
 * <li>host: override, else the config's HostName, else the Node's InternalIP/ExternalIP/Hostname;</li>
 * <li>user: override, else {@code --ssh-user}, else the config's User, else the default user;</li>
 * <li>port, keys, known_hosts, StrictHostKeyChecking, IdentityAgent, IdentitiesOnly and ProxyJump
 *     from the config; jump hosts are themselves looked up in it, as {@code ssh -J} does;</li>
 * <li>ProxyCommand: {@code --ssh-proxy-command}, else the config's (whichever of ProxyJump and
 *     ProxyCommand it names first wins, as in ssh); its tokens %h %p %r %n %% expanded.</li>
 * </ul>
 */
public final class ConfiguredNodeResolver implements NodeResolver {

    /**
     * @param statusAddress the address a Node reports (see {@link ClusterNodeResolver#statusAddress})
     * @param flagUser      {@code --ssh-user}, or null
     * @param defaultUser   when nothing else names a user
     * @param defaults      known_hosts and accept-new for hosts the config says nothing about
     * @param flagProxyCommand {@code --ssh-proxy-command}: every node through it; null to follow the config
     */
    public record Sources(Function<String, Optional<String>> statusAddress, SshConfig sshConfig, NodeOverrides overrides,
                          String flagUser, String defaultUser, Path home, NodeAddress.HostKeyPolicy defaults,
                          String flagProxyCommand) {

        public Sources(Function<String, Optional<String>> statusAddress, SshConfig sshConfig, NodeOverrides overrides,
                       String flagUser, String defaultUser, Path home, NodeAddress.HostKeyPolicy defaults) {
            this(statusAddress, sshConfig, overrides, flagUser, defaultUser, home, defaults, null);
        }
    }

    private final Sources s;

    public ConfiguredNodeResolver(Sources sources) {
        this.s = sources;
    }

    @Override
    public Optional<NodeAddress> resolve(String node) {
        Optional<NodeOverrides.Entry> override = s.overrides().forNode(node);
        String address = override.map(NodeOverrides.Entry::host).orElseGet(() -> s.statusAddress().apply(node).orElse(null));
        // like ssh -l, a user fixed before the config is read is what Match user sees
        String fixedUser = override.map(NodeOverrides.Entry::user).orElse(s.flagUser());
        SshConfig.HostOptions options = s.sshConfig().lookup(address == null ? SshConfig.Query.of(fixedUser, node)
                : SshConfig.Query.of(fixedUser, node, address));
        if (address == null && options.hostName() == null) return Optional.empty();
        String user = first(override.map(NodeOverrides.Entry::user).orElse(null), s.flagUser(), options.user(), s.defaultUser());
        int port = first(override.map(NodeOverrides.Entry::port).orElse(null), options.port(), 22);
        String host = override.map(NodeOverrides.Entry::host).orElse(null);
        if (host == null) host = options.hostName() != null ? expand(options.hostName(), address == null ? node : address, port, user) : address;
        NodeAddress target = new NodeAddress(host, port, user, identities(options, host, port, user),
                hostKeys(options, host, port, user), null, agent(options, host, port, user));
        String jump = override.map(NodeOverrides.Entry::jump).orElse(null);
        String command = jump != null ? null : s.flagProxyCommand() != null ? s.flagProxyCommand() : options.proxyCommand();
        if (command != null && !command.equalsIgnoreCase("none")) return Optional.of(target.withProxyCommand(proxyTokens(command, host, port, user, node)));
        if (jump == null) jump = options.proxyJump();
        return Optional.of(jump == null || jump.equalsIgnoreCase("none") ? target : target.withJump(jumpChain(jump, 0)));
    }

    @Override
    public Optional<Boolean> sudo(String node) {
        return s.overrides().forNode(node).map(NodeOverrides.Entry::sudo);
    }

    /** "a,b" means: reach a, through it b, through b the node. Each hop is looked up in the config. */
    private NodeAddress jumpChain(String spec, int depth) {
        if (depth > NodeAddress.MAX_JUMPS) throw new IllegalArgumentException("ProxyJump loop at '" + spec + "'");
        String[] hops = spec.split(",");
        NodeAddress previous = null;
        for (int i = 0; i < hops.length; i++) {
            NodeAddress hop = hop(hops[i].strip());
            boolean lastOfChain = i == hops.length - 1;
            if (i == 0) {
                // the first hop may itself sit behind its own ProxyJump
                String own = s.sshConfig().lookup(SshConfig.Query.of(specUser(hops[i].strip()), name(hops[i].strip()))).proxyJump();
                if (own != null && !own.equalsIgnoreCase("none") && hop.proxyCommand() == null) hop = hop.withJump(jumpChain(own, depth + 1));
            } else {
                hop = hop.withJump(previous);
            }
            previous = hop;
            if (lastOfChain) return hop;
        }
        throw new IllegalArgumentException("empty ProxyJump");
    }

    /** One ProxyJump element, {@code [user@]host[:port]}, with the config's values for that host. */
    private NodeAddress hop(String spec) {
        String user = null;
        String rest = spec;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        Integer port = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && !rest.startsWith("[")) {
            port = Integer.parseInt(rest.substring(colon + 1));
            rest = rest.substring(0, colon);
        }
        SshConfig.HostOptions o = s.sshConfig().lookup(SshConfig.Query.of(user, rest));
        String u = first(user, o.user(), s.flagUser(), s.defaultUser());
        int p = first(port, o.port(), 22);
        String host = o.hostName() != null ? expand(o.hostName(), rest, p, u) : rest;
        NodeAddress hop = new NodeAddress(host, p, u, identities(o, host, p, u), hostKeys(o, host, p, u), null, agent(o, host, p, u));
        // a bastion reached through its own ProxyCommand (an SSM or IAP tunnel to the bastion)
        String command = o.proxyCommand();
        return command == null || command.equalsIgnoreCase("none") ? hop : hop.withProxyCommand(proxyTokens(command, host, p, u, rest));
    }

    /** A ProxyCommand's tokens as ssh expands them: %h the host, %p the port, %r the user, %n the name as given, %%. */
    static String proxyTokens(String command, String host, int port, String user, String name) {
        return SshConfig.tokens(command, t -> switch (t) {
            case 'h' -> host;
            case 'p' -> String.valueOf(port);
            case 'r' -> user;
            case 'n' -> name;
            default -> throw new IllegalArgumentException("ProxyCommand `" + command + "`: unknown token %" + t + " (ssh knows %h %p %r %n %%)");
        });
    }

    private static String specUser(String spec) {
        int at = spec.lastIndexOf('@');
        return at >= 0 ? spec.substring(0, at) : null;
    }

    private static String name(String spec) {
        String rest = spec.substring(spec.lastIndexOf('@') + 1);
        int colon = rest.lastIndexOf(':');
        return colon >= 0 ? rest.substring(0, colon) : rest;
    }

    private List<Path> identities(SshConfig.HostOptions o, String host, int port, String user) {
        List<Path> out = new ArrayList<>();
        for (String f : o.identityFiles()) out.add(Path.of(expand(f, host, port, user)));
        return out;
    }

    /**
     * Null when the config says nothing: the gateway's defaults apply. Trust on first use comes
     * only from the command-line flag (DESIGN: never from a file): a config's
     * {@code StrictHostKeyChecking no/accept-new} cannot turn it on, its {@code yes} turns it off for
     * those hosts. {@code UserKnownHostsFile none} knows no host.
     */
    private NodeAddress.HostKeyPolicy hostKeys(SshConfig.HostOptions o, String host, int port, String user) {
        if (o.userKnownHostsFile() == null && o.acceptNew().isEmpty()) return null;
        String named = o.userKnownHostsFile();
        Path file = named == null ? s.defaults().knownHosts()
                : named.equalsIgnoreCase("none") ? Path.of("/dev/null") : Path.of(expand(named, host, port, user));
        return new NodeAddress.HostKeyPolicy(file, s.defaults().acceptNew() && o.acceptNew().orElse(true));
    }

    /**
     * Null when the config says nothing: the gateway's agent, all its keys. IdentityAgent is
     * {@code none}, {@code SSH_AUTH_SOCK} (the gateway's), {@code $VAR} or a socket path.
     */
    private NodeAddress.AgentUse agent(SshConfig.HostOptions o, String host, int port, String user) {
        String value = o.identityAgent();
        if (value == null && !o.onlyIdentityFiles()) return null;
        if (value != null && value.equalsIgnoreCase("none")) return new NodeAddress.AgentUse(false, null, o.onlyIdentityFiles());
        Path socket = null;
        if (value != null && value.startsWith("$")) {
            String fromEnv = System.getenv(value.substring(1));
            if (fromEnv == null || fromEnv.isBlank()) return new NodeAddress.AgentUse(false, null, o.onlyIdentityFiles());
            socket = Path.of(fromEnv);
        } else if (value != null && !value.equals("SSH_AUTH_SOCK")) {
            socket = Path.of(expand(value, host, port, user));
        }
        return new NodeAddress.AgentUse(true, socket, o.onlyIdentityFiles());
    }

    private String expand(String value, String host, int port, String user) {
        return SshConfig.expand(value, s.home(), host, port, user);
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) return v;
        }
        throw new IllegalArgumentException("no value");
    }
}
