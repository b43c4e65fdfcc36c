package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.lab.scenario.NodeSpec;
import dev.ktriage.lab.ssh.LabSshServer;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.AcceptAllPublickeyAuthenticator;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node behind a jump host (an in-process MINA sshd that forwards direct-tcpip) that accepts the
 * tunnel but never speaks SSH: there is no socket of ours to time out, and the gateway must still
 * answer within its connect timeout. The near miss: a real node behind the same jump host answers.
 */
class SshJumpHostBoundsTest {

    @TempDir
    Path dir;
    LabSshServer lab;
    SshServer jump;

    @BeforeEach
    void start() throws Exception {
        lab = LabSshServer.start(Map.of("n1", new NodeSpec("n1", Map.of("kernel.hostname", "n1"), Map.of(), List.of(), false)),
                dir.resolve("lab"));
        jump = SshServer.setUpDefaultServer();
        jump.setHost("127.0.0.1");
        jump.setPort(0);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        jump.setKeyPairProvider(KeyPairProvider.wrap(ec.generateKeyPair()));
        jump.setPublickeyAuthenticator(AcceptAllPublickeyAuthenticator.INSTANCE);
        jump.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        jump.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (jump != null) jump.stop(true);
        if (lab != null) lab.close();
    }

    private SshNodeGateway gateway(Map<String, Integer> ports) {
        SshSettings settings = new SshSettings(dir.resolve("known_hosts"), List.of(lab.identityFile()), true,
                Duration.ofSeconds(2), Duration.ofMillis(300), 4);
        NodeAddress viaJump = new NodeAddress("127.0.0.1", jump.getPort(), "jumper");
        return new SshNodeGateway(settings, node -> Optional.ofNullable(ports.get(node))
                .map(port -> new NodeAddress("127.0.0.1", port, node).withJump(viaJump)));
    }

    private static NodeCommand hostname(String node) {
        return new NodeCommand(node, List.of("sysctl", "-n", "kernel.hostname"), false, 5);
    }

    @Test
    @Timeout(30) // without a bound of its own this waits forever: fail, do not hang the build
    void aNodeBehindAJumpHostThatNeverSpeaksSshIsUnreachableWithinTheConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             SshNodeGateway gateway = gateway(Map.of("mute", silent.getLocalPort(), "n1", lab.port()))) {
            Thread acceptor = new Thread(() -> {
                try (Socket connection = silent.accept()) {
                    Thread.sleep(15_000);
                } catch (Exception e) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            // the jump host's connection is made (and shared) first, so that only the silent node is timed
            assertEquals(GatherStatus.OK, gateway.run(hostname("n1")).status());
            long start = System.nanoTime();
            NodeAnswer answer = gateway.run(hostname("mute"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(GatherStatus.UNREACHABLE, answer.status(), answer::toString);
            assertTrue(answer.reason().contains("mute") && answer.reason().contains("no SSH handshake within 2000 ms")
                    && answer.reason().contains("jump host"), answer.reason());
            assertTrue(ms >= 1900 && ms < 8000, "bounded by the 2 s connect timeout, took " + ms + " ms");

            // the jump host's connection survives the silent node: the other node behind it still answers
            NodeAnswer real = gateway.run(hostname("n1"));
            assertEquals(GatherStatus.OK, real.status(), real::toString);
            assertEquals("n1\n", real.stdout());
        }
    }

    @Test
    void aNodeBehindAJumpHostThatSpeaksSshAnswersAsUsual() {
        try (SshNodeGateway gateway = gateway(Map.of("n1", lab.port()))) {
            NodeAnswer real = gateway.run(hostname("n1"));
            assertEquals(GatherStatus.OK, real.status(), real::toString);
            assertEquals("n1\n", real.stdout());
        }
    }
}
