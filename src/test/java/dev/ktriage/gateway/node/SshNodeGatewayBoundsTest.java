package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.lab.ssh.LabSshServer;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.AcceptAllPublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nodes that misbehave in ways the lab does not model: a command that never ends on a node whose
 * {@code timeout} did not fire, an SSH port that accepts but never speaks, a closed port. The
 * gateway must answer within its bounds every time.
 */
class SshNodeGatewayBoundsTest {

    @TempDir
    Path dir;

    private SshSettings settings(Path identity, Duration connectTimeout) {
        return new SshSettings(dir.resolve("known_hosts"), List.of(identity), true,
                connectTimeout, Duration.ofMillis(300), 4);
    }

    private static NodeResolver at(int port) {
        return node -> Optional.of(new NodeAddress("127.0.0.1", port, node));
    }

    @Test
    void aCommandThatNeverEndsIsATimeoutAndTheNodeStaysUsable() throws Exception {
        try (LabSshServer keys = LabSshServer.start(java.util.Map.of(), dir.resolve("keys"))) {
            SshServer hanging = SshServer.setUpDefaultServer();
            hanging.setHost("127.0.0.1");
            hanging.setPort(0);
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(256);
            hanging.setKeyPairProvider(KeyPairProvider.wrap(ec.generateKeyPair()));
            hanging.setPublickeyAuthenticator(AcceptAllPublickeyAuthenticator.INSTANCE);
            hanging.setCommandFactory((channel, line) -> line.contains("uptime") ? new NeverEnds() : new Echo(line));
            hanging.start();
            try (SshNodeGateway gateway = TransportOnly.gateway(settings(keys.identityFile(), Duration.ofSeconds(10)), at(hanging.getPort()))) {
                long start = System.nanoTime();
                NodeAnswer answer = gateway.run(new NodeCommand("stuck", List.of("uptime"), false, 1));
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals(GatherStatus.TIMEOUT, answer.status(), answer::toString);
                assertTrue(answer.reason().contains("stuck") && answer.reason().contains("uptime"), answer.reason());
                assertTrue(ms >= 1000 && ms < 5000, "bounded by 1 s + 300 ms grace, took " + ms + " ms");

                NodeAnswer after = gateway.run(new NodeCommand("stuck", List.of("echo"), false, 1));
                assertEquals(GatherStatus.OK, after.status(), after::toString);
                assertTrue(after.stdout().contains("echo"), after::toString);

                // the node drops our cached connection (sshd restart, idle NAT): the next command reconnects
                hanging.getActiveSessions().forEach(s -> s.close(true));
                NodeAnswer reconnected = gateway.run(new NodeCommand("stuck", List.of("echo", "again"), false, 1));
                assertEquals(GatherStatus.OK, reconnected.status(), reconnected::toString);
                assertTrue(reconnected.stdout().contains("again"), reconnected::toString);
            } finally {
                hanging.stop(true);
            }
        }
    }

    @Test
    void aPortThatNeverSpeaksSshIsUnreachableWithinTheConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             SshNodeGateway gateway = new SshNodeGateway(settings(dir.resolve("none"), Duration.ofSeconds(1)), at(silent.getLocalPort()))) {
            acceptAndSayNothing(silent);
            long start = System.nanoTime();
            NodeAnswer answer = gateway.run(new NodeCommand("mute", List.of("hostname"), false, 5));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(GatherStatus.UNREACHABLE, answer.status(), answer::toString);
            assertTrue(answer.reason().contains("mute"), answer.reason());
            assertTrue(ms < 5000, "bounded by the 1 s connect timeout, took " + ms + " ms");
        }
    }

    /** Ctrl-C while a node is still being connected: the answer says the operator cancelled, not how the handshake broke. */
    @Test
    void anInterruptDuringTheHandshakeIsReportedAsInterrupted() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             SshNodeGateway gateway = new SshNodeGateway(settings(dir.resolve("none"), Duration.ofSeconds(2)), at(silent.getLocalPort()))) {
            acceptAndSayNothing(silent);
            java.util.concurrent.atomic.AtomicReference<NodeAnswer> answer = new java.util.concurrent.atomic.AtomicReference<>();
            Thread session = new Thread(() -> answer.set(gateway.run(new NodeCommand("slow", List.of("hostname"), false, 5))));
            long start = System.nanoTime();
            session.start();
            Thread.sleep(300);
            session.interrupt();
            session.join(6000);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(GatherStatus.ERROR, answer.get().status(), () -> String.valueOf(answer.get()));
            assertEquals("node slow: interrupted", answer.get().reason());
            assertTrue(ms < 5000, "within the connect bound, took " + ms + " ms");
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (SshNodeGateway gateway = new SshNodeGateway(settings(dir.resolve("none"), Duration.ofSeconds(1)), at(port))) {
            NodeAnswer answer = gateway.run(new NodeCommand("gone", List.of("hostname"), false, 5));
            assertEquals(GatherStatus.UNREACHABLE, answer.status(), answer::toString);
            assertTrue(answer.reason().contains("gone") && answer.reason().contains(String.valueOf(port)), answer.reason());
        }
    }

    /** Takes one connection and never writes to it: an SSH port that does not speak. */
    private static void acceptAndSayNothing(ServerSocket silent) {
        Thread acceptor = new Thread(() -> {
            try (Socket connection = silent.accept()) {
                Thread.sleep(10_000);
            } catch (Exception e) {
                // test over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A command whose process never exits and never writes. */
    private static class NeverEnds implements Command {
        @Override public void start(ChannelSession channel, Environment env) { }
        @Override public void destroy(ChannelSession channel) { }
        @Override public void setExitCallback(ExitCallback callback) { }
        @Override public void setInputStream(InputStream in) { }
        @Override public void setOutputStream(OutputStream out) { }
        @Override public void setErrorStream(OutputStream err) { }
    }

    /** Prints its command line and exits 0. */
    private static class Echo implements Command {
        private final String line;
        private OutputStream out;
        private ExitCallback exit;

        Echo(String line) {
            this.line = line;
        }

        @Override public void start(ChannelSession channel, Environment env) {
            new Thread(() -> {
                try {
                    out.write((line + "\n").getBytes());
                    out.flush();
                } catch (Exception e) {
                    // client went away
                }
                exit.onExit(0);
            }).start();
        }
        @Override public void destroy(ChannelSession channel) { }
        @Override public void setExitCallback(ExitCallback callback) { this.exit = callback; }
        @Override public void setInputStream(InputStream in) { }
        @Override public void setOutputStream(OutputStream out) { this.out = out; }
        @Override public void setErrorStream(OutputStream err) { }
    }
}
