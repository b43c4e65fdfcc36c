package dev.ktriage.gateway.node;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a node's SSH server is, who to log in as, and how: the operator's ~/.ssh/config and the
 * ktriage config can name keys, a known_hosts file and a jump host per host. Empty identity files
 * and a null {@code hostKeys} mean the gateway's defaults ({@link SshSettings}).
 *
 * @param jump the host to tunnel through (OpenSSH ProxyJump), itself reached the same way; null for none
 */
public record NodeAddress(String host, int port, String user, List<Path> identityFiles, HostKeyPolicy hostKeys,
                          NodeAddress jump) {

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
    }

    public NodeAddress(String host, int port, String user) {
        this(host, port, user, List.of(), null, null);
    }

    public NodeAddress withJump(NodeAddress through) {
        return new NodeAddress(host, port, user, identityFiles, hostKeys, through);
    }

    /** Identifies a connection: two nodes behind the same bastion share one connection to it. */
    String key() {
        return user + "@" + host + ":" + port + identityFiles + Objects.toString(hostKeys, "") + (jump == null ? "" : " via " + jump.key());
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + (jump == null ? "" : " via " + jump);
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
