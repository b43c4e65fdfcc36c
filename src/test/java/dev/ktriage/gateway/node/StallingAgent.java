package dev.ktriage.gateway.node;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An agent socket that accepts and then never answers: what a hung or wedged agent looks like to
 * a client. With a real agent behind it, it passes key list requests through and stalls only on
 * sign requests (an agent waiting forever for a confirmation nobody gives).
 */
final class StallingAgent implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Path realAgent;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger stalled = new AtomicInteger();
    private final List<SocketChannel> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** @param realAgent the agent to pass key lists through to, or null to stall on everything */
    StallingAgent(Path socket, Path realAgent) throws IOException {
        this.realAgent = realAgent;
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::serve, "stalling-agent");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                connections.incrementAndGet();
                held.add(client);
                if (realAgent != null) answerOrStall(client);
                else stalled.incrementAndGet();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One request per connection, as our client makes them. */
    private void answerOrStall(SocketChannel client) throws IOException {
        ByteBuffer request = readMessage(client);
        if (request.get(4) != SshAgent.REQUEST_IDENTITIES) {
            stalled.incrementAndGet();
            return;
        }
        try (SocketChannel agent = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            agent.connect(UnixDomainSocketAddress.of(realAgent));
            agent.write(request);
            ByteBuffer answer = readMessage(agent);
            while (answer.hasRemaining()) client.write(answer);
        }
    }

    private static ByteBuffer readMessage(SocketChannel channel) throws IOException {
        ByteBuffer length = ByteBuffer.allocate(4);
        while (length.hasRemaining()) if (channel.read(length) < 0) throw new IOException("closed");
        ByteBuffer message = ByteBuffer.allocate(4 + length.getInt(0)).put(length.flip());
        while (message.hasRemaining()) if (channel.read(message) < 0) throw new IOException("closed");
        return message.flip();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Requests left unanswered so far. */
    int stalled() {
        return stalled.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : held) c.close();
    }
}
