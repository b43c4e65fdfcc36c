package dev.ktriage.gateway.node;

/** Where a node's SSH server is, and who to log in as. */
public record NodeAddress(String host, int port, String user) {

    public NodeAddress {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host is required");
        if (port <= 0 || port > 65535) throw new IllegalArgumentException("bad port " + port);
        if (user == null || user.isBlank()) throw new IllegalArgumentException("user is required");
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
