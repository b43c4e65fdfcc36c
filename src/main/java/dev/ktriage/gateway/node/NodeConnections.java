package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import javax.net.SocketFactory;

/**
 * One authenticated SSH connection per node, opened on first use and reused: sshj multiplexes
 * concurrent sessions over it, so a playbook's many commands cost one handshake per node.
 * A dropped connection is reopened on the next command. Failed connects are not cached, so a
 * node that comes back is reached again. Nodes behind a jump host (ProxyJump) are reached through
 * a direct-tcpip channel on one shared connection to it, the way {@code ssh -J} does; nodes with
 * a ProxyCommand through that command's stdin and stdout ({@link ProxyCommandSocket}).
 */
final class NodeConnections implements AutoCloseable {

    static final int MAX_SESSIONS_PER_NODE = 8;

    /**
     * TCP sockets with Nagle's algorithm off. An SSH handshake and a command are chains of small
     * packets: with Nagle on, a small write waits for the ACK of the one before it, which the peer
     * delays (40 ms on Linux), several times per connection: about 90 ms of a 100 ms handshake to a
     * lab node, measured.
     */
    private static final SocketFactory NO_DELAY = new SocketFactory() {
        @Override
        public Socket createSocket() throws IOException {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        private Socket connected(InetSocketAddress to, InetSocketAddress... from) throws IOException {
            Socket s = createSocket();
            if (from.length > 0) s.bind(from[0]);
            s.connect(to);
            return s;
        }
    };

    private final SshSettings settings;
    private final Map<String, SSHClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Object> nodeLocks = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> sessionPermits = new ConcurrentHashMap<>();
    private final Map<String, SSHClient> jumps = new ConcurrentHashMap<>();
    private final Map<String, Object> jumpLocks = new ConcurrentHashMap<>();
    private final Object knownHostsLock = new Object();
    private final LoginKeys loginKeys;
    private volatile boolean closed;

    NodeConnections(SshSettings settings) {
        this.settings = settings;
        this.loginKeys = new LoginKeys(settings);
    }

    /** An open connection to a node; {@code reused} when it was opened for an earlier command. */
    record Connection(SSHClient client, boolean reused) {
    }

    Connection client(String node, NodeAddress address) throws IOException, NodeFailure {
        synchronized (nodeLocks.computeIfAbsent(node, n -> new Object())) {
            if (closed) throw new NodeFailure(GatherStatus.ERROR, "the SSH gateway is closed");
            SSHClient cached = clients.get(node);
            if (cached != null && cached.isConnected() && cached.isAuthenticated()) return new Connection(cached, true);
            if (cached != null) {
                clients.remove(node);
                disconnectQuietly(cached);
            }
            SSHClient fresh = open("node " + node, address);
            clients.put(node, fresh);
            return new Connection(fresh, false);
        }
    }

    /**
     * Commands in flight on one node's connection. OpenSSH refuses more than MaxSessions (10 by
     * default) channels per connection, so we stay below it rather than fail the eleventh command.
     */
    Semaphore sessionPermits(String node) {
        return sessionPermits.computeIfAbsent(node, n -> new Semaphore(MAX_SESSIONS_PER_NODE, true));
    }

    /** Forgets a connection that failed under a command, so the next command reconnects. */
    void discard(String node, SSHClient client) {
        if (clients.remove(node, client)) disconnectQuietly(client);
    }

    /** One connection per jump host, shared by every node behind it and reopened when it dropped. */
    private SSHClient jumpClient(NodeAddress jump) throws IOException, NodeFailure {
        String key = jump.key();
        synchronized (jumpLocks.computeIfAbsent(key, k -> new Object())) {
            if (closed) throw new NodeFailure(GatherStatus.ERROR, "the SSH gateway is closed");
            SSHClient cached = jumps.get(key);
            if (cached != null && cached.isConnected() && cached.isAuthenticated()) return cached;
            if (cached != null) {
                jumps.remove(key);
                disconnectQuietly(cached);
            }
            SSHClient fresh;
            try {
                fresh = open("jump host " + jump.host(), jump);
            } catch (NodeFailure e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw SshFailureClassifier.classify(e, "jump host " + jump.host(), jump, settings.connectTimeout());
            }
            jumps.put(key, fresh);
            return fresh;
        }
    }

    /** Connects (directly or through the jump host), checks the host key and logs in. */
    private SSHClient open(String who, NodeAddress address) throws IOException, NodeFailure {
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
        SSHClient client = new SSHClient(SshAlgorithms.config());
        client.setConnectTimeout(timeoutMs);
        // sshj reads the server's identification line on this thread with no bound of its own: a
        // socket read timeout bounds it (sshj's reader thread tolerates it; lifted after login anyway)
        client.setTimeout(timeoutMs);
        // bounds key exchange and each authentication round trip, not the commands (those have their own bound)
        client.getTransport().setTimeoutMs(timeoutMs);
        client.getConnection().setTimeoutMs(timeoutMs);
        NodeAddress.HostKeyPolicy policy = address.hostKeys() != null ? address.hostKeys()
                : new NodeAddress.HostKeyPolicy(settings.knownHosts(), settings.acceptNewHostKeys());
        KnownHostsCheck hostKeys = new KnownHostsCheck(policy.knownHosts().toFile(), who, policy.acceptNew(), knownHostsLock);
        client.addHostKeyVerifier(hostKeys);
        String where = who + " (" + address.host() + ":" + address.port() + ")";
        try {
            if (address.proxyCommand() != null) {
                ProxyCommandSocket.connect(client, address.proxyCommand(), address.host(), address.port(), where, timeoutMs);
            } else if (address.jump() == null) {
                client.setSocketFactory(NO_DELAY);
                client.connect(address.host(), address.port());
            } else {
                TunnelHandshake.connect(client, tunnel(where, address), where, address.jump().host(), timeoutMs);
            }
        } catch (TransportException e) {
            disconnectQuietly(client);
            if (hostKeys.refusal().isPresent()) throw new NodeFailure(GatherStatus.REFUSED, hostKeys.refusal().get());
            if (causedByTimeout(e)) {
                throw new NodeFailure(GatherStatus.UNREACHABLE, where + ": no SSH handshake within " + timeoutMs + " ms");
            }
            // something listens but no SSH session could be set up with it: for us the node is not reachable
            throw new NodeFailure(GatherStatus.UNREACHABLE, where + ": SSH handshake failed: " + e.getMessage());
        } catch (IOException | RuntimeException | NodeFailure e) {
            disconnectQuietly(client);
            throw e;
        }
        LoginKeys.Offer keys = null;
        try {
            keys = loginKeys.offer(client, address);
            client.auth(address.user(), keys.methods());
            // through a jump host there is no socket of our own: the channel is bounded by the jump's connection
            if (client.getSocket() != null) client.getSocket().setSoTimeout(0);
            return client;
        } catch (UserAuthException e) {
            disconnectQuietly(client);
            // a server that drops us while we log in is down for us, not refusing our key
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof TransportException dropped) throw dropped;
            }
            throw new NodeFailure(GatherStatus.REFUSED, "authentication failed for " + address.user() + "@"
                    + address.host() + " (" + who + ", port " + address.port()
                    + (keys == null || keys.agentNote().isEmpty() ? "" : "; " + keys.agentNote()) + ")");
        } catch (IOException | RuntimeException | NodeFailure e) {
            disconnectQuietly(client);
            throw e;
        }
    }

    /**
     * A direct-tcpip channel from the jump host to the node, what {@code ssh -J} opens. The jump
     * host makes the TCP connection, so a node it cannot reach fails the channel open.
     */
    private DirectConnection tunnel(String where, NodeAddress address) throws IOException, NodeFailure {
        SSHClient via = jumpClient(address.jump());
        try {
            return via.newDirectConnection(address.host(), address.port());
        } catch (IOException e) {
            throw new NodeFailure(GatherStatus.UNREACHABLE, where + ": jump host " + address.jump().host()
                    + " could not open a connection to it: " + e.getMessage());
        }
    }

    private static boolean causedByTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) return true;
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        for (SSHClient client : clients.values()) disconnectQuietly(client);
        clients.clear();
        // after the nodes: their tunnels run through these
        for (SSHClient client : jumps.values()) disconnectQuietly(client);
        jumps.clear();
    }

    private static void disconnectQuietly(SSHClient client) {
        try {
            client.disconnect();
        } catch (IOException | RuntimeException e) {
            // already gone; nothing to release
        }
    }
}
