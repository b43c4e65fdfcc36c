package dev.ktriage.gateway.node;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client of an OpenSSH-compatible key agent (draft-miller-ssh-agent) over its Unix socket: it
 * lists the agent's public keys and asks it to sign. Private keys never leave the agent. Every
 * exchange opens its own connection (so concurrent logins need no lock) and is bounded: a hung
 * agent costs {@code timeout}, once: after any failure the agent is considered broken and later
 * calls fail at once, so a gateway talking to fifty nodes waits for a dead agent one time.
 */
final class SshAgent {

    static final byte FAILURE = 5;
    static final byte REQUEST_IDENTITIES = 11;
    static final byte IDENTITIES_ANSWER = 12;
    static final byte SIGN_REQUEST = 13;
    static final byte SIGN_RESPONSE = 14;
    static final int RSA_SHA2_256 = 2;
    static final int RSA_SHA2_512 = 4;

    /** OpenSSH's own limit on an agent message (AGENT_MAX_LEN). */
    private static final int MAX_MESSAGE = 256 * 1024;

    private final Path socket;
    private final Duration timeout;
    private volatile String broken;

    SshAgent(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    /** One key the agent holds: its public blob as the SSH wire format has it, and its comment. */
    record Identity(byte[] blob, String comment) {

        /** The key's type from its blob ("ssh-ed25519", "ssh-rsa", ...), or "" when the blob is garbled. */
        String type() {
            try {
                return new String(string(ByteBuffer.wrap(blob)), StandardCharsets.US_ASCII);
            } catch (BufferUnderflowException e) {
                return "";
            }
        }

        boolean sameKey(byte[] other) {
            return Arrays.equals(blob, other);
        }
    }

    Path socket() {
        return socket;
    }

    /** Why the agent is not used any more, or null while it works. */
    String broken() {
        return broken;
    }

    /** The keys the agent offers (SSH_AGENTC_REQUEST_IDENTITIES). */
    List<Identity> identities() throws IOException {
        ByteBuffer answer = exchange(new byte[] {REQUEST_IDENTITIES});
        try {
            byte type = answer.get();
            if (type != IDENTITIES_ANSWER) throw fail("answered " + type + " to a key list request");
            int count = answer.getInt();
            if (count < 0 || count > 1024) throw fail("claims " + Integer.toUnsignedString(count) + " keys");
            List<Identity> keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] blob = string(answer);
                keys.add(new Identity(blob, new String(string(answer), StandardCharsets.UTF_8)));
            }
            return keys;
        } catch (BufferUnderflowException e) {
            throw fail("sent a truncated key list");
        }
    }

    /**
     * The agent's signature of {@code data} with the key {@code blob}, in the SSH wire format
     * (string algorithm, string signature). {@link #FAILURE} from the agent (unknown key, a
     * confirmation refused) fails this key only; the agent stays usable.
     */
    byte[] sign(byte[] blob, byte[] data, int flags) throws IOException {
        ByteBuffer request = ByteBuffer.allocate(1 + 4 + blob.length + 4 + data.length + 4);
        request.put(SIGN_REQUEST).putInt(blob.length).put(blob).putInt(data.length).put(data).putInt(flags);
        ByteBuffer answer = exchange(request.array());
        try {
            byte type = answer.get();
            if (type == FAILURE) throw new IOException("ssh-agent at " + socket + " refused to sign");
            if (type != SIGN_RESPONSE) throw fail("answered " + type + " to a sign request");
            return string(answer);
        } catch (BufferUnderflowException e) {
            throw fail("sent a truncated signature");
        }
    }

    /** One request and its answer on a fresh connection, all within {@code timeout}. */
    private ByteBuffer exchange(byte[] message) throws IOException {
        String why = broken;
        if (why != null) throw new IOException(why);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            SelectionKey key = channel.register(selector, 0);
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                while (!channel.finishConnect()) await(selector, key, SelectionKey.OP_CONNECT, deadline);
            }
            ByteBuffer out = ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).flip();
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) await(selector, key, SelectionKey.OP_WRITE, deadline);
            }
            int length = read(channel, selector, key, 4, deadline).getInt();
            if (length <= 0 || length > MAX_MESSAGE) throw fail("sent a message of " + Integer.toUnsignedString(length) + " bytes");
            return read(channel, selector, key, length, deadline);
        } catch (ClosedByInterruptException e) {
            // the step was cancelled, the agent did nothing wrong
            throw new IOException("ssh-agent request interrupted", e);
        } catch (IOException e) {
            broken = e.getMessage() != null && e.getMessage().startsWith("ssh-agent") ? e.getMessage()
                    : "ssh-agent at " + socket + " is unusable: " + e.getMessage();
            throw new IOException(broken, e);
        }
    }

    private ByteBuffer read(SocketChannel channel, Selector selector, SelectionKey key, int n, long deadline)
            throws IOException {
        ByteBuffer in = ByteBuffer.allocate(n);
        while (in.hasRemaining()) {
            int got = channel.read(in);
            if (got < 0) throw new IOException("it closed the connection");
            if (got == 0) await(selector, key, SelectionKey.OP_READ, deadline);
        }
        return in.flip();
    }

    private void await(Selector selector, SelectionKey key, int op, long deadline) throws IOException {
        key.interestOps(op);
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || selector.select(left) == 0 && System.nanoTime() >= deadline) {
            throw new IOException("ssh-agent at " + socket + " did not answer within " + timeout.toMillis() + " ms");
        }
        selector.selectedKeys().clear();
        // an interrupted select returns at once, again and again: stop rather than spin to the deadline
        if (Thread.currentThread().isInterrupted()) throw new ClosedByInterruptException();
    }

    /** An agent that does not speak the protocol is not asked again. */
    private IOException fail(String what) {
        broken = "ssh-agent at " + socket + " " + what;
        return new IOException(broken);
    }

    /** An SSH string: uint32 length, then that many bytes. */
    private static byte[] string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) throw new BufferUnderflowException();
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }
}
