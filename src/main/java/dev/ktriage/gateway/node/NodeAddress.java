package dev.ktriage.gateway.node;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a node's SSH server is, who to log in as, and how: the operator's ~/.ssh/config and the
 * ktriage config can name keys, a known_hosts file and a jump host per host. Empty identity files
 * and a null {@code hostKeys} mean the gateway's defaults ({@link SshSettings}).
 *
 * @param jump  the host to tunnel through (OpenSSH ProxyJump), itself reached the same way; null for none
 * @param agent which ssh-agent keys to offer (IdentityAgent, IdentitiesOnly); null for the gateway's agent, all its keys
 * @param proxyCommand the command whose stdin/stdout is the connection (OpenSSH ProxyCommand, its tokens
 *                     expanded), or null; never together with a jump host
 */
public record NodeAddress(String host, int port, String user, List<Path> identityFiles, HostKeyPolicy hostKeys,
                          NodeAddress jump, AgentUse agent, String proxyCommand) {

    /** Jump chains deeper than this are a configuration loop, not a network. */
    static final int MAX_JUMPS = 8;

    public NodeAddress {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host is required");
        if (port <= 0 || port > 65535) throw new IllegalArgumentException("bad port " + port);
        if (user == null || user.isBlank()) throw new IllegalArgumentException("user is required");
        identityFiles = List.copyOf(identityFiles);
        int depth = 0;
        for (NodeAddress j = jump; j != null; j = j.jump()) {
            if (++depth > MAX_JUMPS) throw new IllegalArgumentException("more than " + MAX_JUMPS + " jump hosts (a ProxyJump loop?)");
        }
        if (jump != null && proxyCommand != null) throw new IllegalArgumentException("a jump host and a ProxyCommand exclude each other");
    }

    public NodeAddress(String host, int port, String user, List<Path> identityFiles, HostKeyPolicy hostKeys,
                       NodeAddress jump, AgentUse agent) {
        this(host, port, user, identityFiles, hostKeys, jump, agent, null);
    }

    public NodeAddress(String host, int port, String user, List<Path> identityFiles, HostKeyPolicy hostKeys, NodeAddress jump) {
        this(host, port, user, identityFiles, hostKeys, jump, null);
    }

    public NodeAddress(String host, int port, String user) {
        this(host, port, user, List.of(), null, null);
    }

    public NodeAddress withJump(NodeAddress through) {
        return new NodeAddress(host, port, user, identityFiles, hostKeys, through, agent, null);
    }

    /** Reached through {@code command} (tokens expanded) instead of a TCP connection of our own. */
    public NodeAddress withProxyCommand(String command) {
        return new NodeAddress(host, port, user, identityFiles, hostKeys, null, agent, command);
    }

    /** Identifies a connection: two nodes behind the same bastion share one connection to it. */
    String key() {
        return user + "@" + host + ":" + port + identityFiles + Objects.toString(hostKeys, "") + Objects.toString(agent, "")
                + (jump == null ? "" : " via " + jump.key()) + (proxyCommand == null ? "" : " by " + proxyCommand);
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + (jump == null ? "" : " via " + jump)
                + (proxyCommand == null ? "" : " by ProxyCommand `" + proxyCommand + "`");
    }

    /**
     * The ssh-agent a host is offered keys from, as ssh_config's IdentityAgent and IdentitiesOnly say.
     *
     * @param enabled           false for {@code IdentityAgent none}: no agent key is offered
     * @param socket            the agent's socket; null for the gateway's (SSH_AUTH_SOCK)
     * @param onlyIdentityFiles IdentitiesOnly: offer only the agent keys that are one of the identity files
     */
    public record AgentUse(boolean enabled, Path socket, boolean onlyIdentityFiles) {
    }

    /**
     * Host key checking for one host. {@code acceptNew} is trust on first use: an unknown key is
     * appended; a changed key is refused whatever this says.
     */
    public record HostKeyPolicy(Path knownHosts, boolean acceptNew) {
        public HostKeyPolicy {
            Objects.requireNonNull(knownHosts, "knownHosts");
        }
    }
}
