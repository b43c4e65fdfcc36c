package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway against Debian's OpenSSH sshd, run for real on 127.0.0.1: host key checking, trust
 * on first use, a jump host, commands that hang, and fan-out over twenty servers.
 */
class SshNodeGatewayOpenSshTest {

    static final int FAN_OUT = 20;

    @TempDir
    static Path dir;
    static Path clientKey;
    static OpenSshd node;
    static OpenSshd bastion;
    static OpenSshd stranger;

    @BeforeAll
    static void startServers() throws IOException {
        Optional<String> why = OpenSshd.unavailable();
        Assumptions.assumeTrue(why.isEmpty(), () -> "real OpenSSH tests skipped: " + why.orElse(""));
        clientKey = OpenSshd.keygen(dir.resolve("client"), "id_ed25519");
        node = OpenSshd.start(dir.resolve("node"), clientKey);
        // DEBUG1 makes sshd log each direct-tcpip request, which proves the tunnel was used
        bastion = OpenSshd.start(dir.resolve("bastion"), clientKey, "LogLevel DEBUG1");
        stranger = OpenSshd.start(dir.resolve("stranger"), clientKey);
    }

    @AfterAll
    static void stopServers() {
        for (OpenSshd s : new OpenSshd[] {node, bastion, stranger}) {
            if (s != null) s.close();
        }
    }

    /** Bounds generous enough for a loaded CI machine; the tests about bounds set their own grace. */
    private static SshSettings settings(Path knownHosts, boolean acceptNew) {
        return settings(knownHosts, acceptNew, Duration.ofSeconds(10));
    }

    private static SshSettings settings(Path knownHosts, boolean acceptNew, Duration grace) {
        return new SshSettings(knownHosts, List.of(clientKey), acceptNew, Duration.ofSeconds(20), grace);
    }

    private static NodeAddress at(OpenSshd server) {
        return new NodeAddress("127.0.0.1", server.port(), OpenSshd.user());
    }

    private static NodeResolver only(String name, NodeAddress address) {
        return n -> n.equals(name) ? Optional.of(address) : Optional.empty();
    }

    private Path knownHosts(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines));
        return file;
    }

    static NodeCommand ostype(String node) {
        return new NodeCommand(node, List.of("sysctl", "-n", "kernel.ostype"), false, 20);
    }

    @Test
    void aKnownHostRunsTheCommandForReal() throws IOException {
        try (SshNodeGateway g = new SshNodeGateway(settings(knownHosts("kh-ok", node.knownHostsLine()), false), only("n1", at(node)))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
            assertEquals("Linux\n", a.stdout());
        }
    }

    @Test
    void aChangedHostKeyIsRefusedLoudlyEvenWithAcceptNew() throws IOException {
        // the stranger's key filed under the node's address: what a man in the middle looks like
        String swapped = stranger.knownHostsLine().replace(":" + stranger.port() + " ", ":" + node.port() + " ");
        for (boolean acceptNew : new boolean[] {false, true}) {
            Path file = knownHosts("kh-mitm-" + acceptNew, swapped);
            try (SshNodeGateway g = new SshNodeGateway(settings(file, acceptNew), only("n1", at(node)))) {
                NodeAnswer a = g.run(ostype("n1"));
                assertEquals(GatherStatus.REFUSED, a.status(), a::toString);
                assertTrue(a.reason().contains("HOST KEY MISMATCH") && a.reason().contains("n1") && a.reason().contains("SHA256:"), a.reason());
                assertEquals(List.of(swapped), Files.readAllLines(file), "a mismatch never rewrites known_hosts");
            }
        }
    }

    @Test
    void anUnknownHostIsRefusedUnlessAcceptNewThenItIsStrict() throws IOException {
        Path file = knownHosts("kh-tofu");
        try (SshNodeGateway strict = new SshNodeGateway(settings(file, false), only("n1", at(node)))) {
            NodeAnswer a = strict.run(ostype("n1"));
            assertEquals(GatherStatus.REFUSED, a.status(), a::toString);
            assertTrue(a.reason().contains("is not in"), a.reason());
        }
        try (SshNodeGateway tofu = new SshNodeGateway(settings(file, true), only("n1", at(node)))) {
            assertEquals(GatherStatus.OK, tofu.run(ostype("n1")).status());
        }
        String written = Files.readString(file);
        assertTrue(written.startsWith("[127.0.0.1]:" + node.port() + " ssh-ed25519 "), written);
        assertTrue(written.contains(node.knownHostsLine().split(" ")[2]), "the node's own key was recorded");
        // from now on the recorded key is checked strictly
        try (SshNodeGateway strict = new SshNodeGateway(settings(file, false), only("n1", at(node)))) {
            assertEquals(GatherStatus.OK, strict.run(ostype("n1")).status());
        }
    }

    @Test
    void aJumpHostTunnelsToTheNode() throws IOException {
        Path file = knownHosts("kh-jump", node.knownHostsLine(), bastion.knownHostsLine());
        NodeAddress behind = at(node).withJump(at(bastion));
        try (SshNodeGateway g = new SshNodeGateway(settings(file, false), only("n1", behind))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
            assertEquals("Linux\n", a.stdout());
        }
        String log = bastion.log();
        assertTrue(log.contains("direct-tcpip") && log.contains("port " + node.port()),
                "the bastion opened the tunnel to the node's port " + node.port() + ":\n" + log);
    }

    @Test
    void anOperatorsSshConfigIsFollowedByNodeNameAndAddressThroughItsJumpHost() throws IOException {
        Path known = knownHosts("kh-config", node.knownHostsLine(), bastion.knownHostsLine());
        SshConfig config = SshConfig.parse("""
                Host bastion
                  HostName 127.0.0.1
                  Port %d
                Host 127.0.0.1
                  Port %d
                Host worker-*
                  ProxyJump bastion
                Host *
                  User %s
                  IdentityFile %s
                  UserKnownHostsFile %s
                  StrictHostKeyChecking yes
                """.formatted(bastion.port(), node.port(), OpenSshd.user(), clientKey, known));
        Path nowhere = dir.resolve("no-such-known-hosts");
        ConfiguredNodeResolver resolver = new ConfiguredNodeResolver(new ConfiguredNodeResolver.Sources(
                n -> Optional.of("127.0.0.1"), config, NodeOverrides.none(), null, "nobody", dir,
                new NodeAddress.HostKeyPolicy(nowhere, false)));
        // no default keys and a known_hosts that does not exist: only the config's can make this work
        SshSettings bare = new SshSettings(nowhere, List.of(), false, Duration.ofSeconds(20), Duration.ofSeconds(10));
        int logBefore = bastion.log().length();
        try (SshNodeGateway g = new SshNodeGateway(bare, resolver)) {
            NodeAnswer a = g.run(ostype("worker-1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
            assertEquals("Linux\n", a.stdout());
        }
        assertTrue(bastion.log().substring(logBefore).contains("port " + node.port()), "went through the bastion");
    }

    @Test
    void aPerNodeSudoOverrideChangesOnlyTheWire() throws IOException {
        Path file = knownHosts("kh-sudo", node.knownHostsLine());
        // we log in as the user that runs sshd (root in CI): the override says sudo is not needed there
        NodeResolver rootLogin = new NodeResolver() {
            @Override
            public Optional<NodeAddress> resolve(String n) {
                return Optional.of(at(node));
            }

            @Override
            public Optional<Boolean> sudo(String n) {
                return Optional.of(false);
            }
        };
        try (SshNodeGateway g = TransportOnly.gateway(settings(file, false), rootLogin)) {
            NodeCommand asked = new NodeCommand("n1", List.of("printenv", "SUDO_USER"), true, 20);
            NodeAnswer a = g.run(asked);
            assertEquals(GatherStatus.OK, a.status(), a::toString);
            assertEquals(1, a.exitCode(), "printenv finds no SUDO_USER: the command ran without sudo; " + a);
        }
    }

    @Test
    void aJumpHostWithAnUnknownKeyIsRefusedLikeAnyHost() throws IOException {
        Path file = knownHosts("kh-jump-unknown", node.knownHostsLine());
        try (SshNodeGateway g = new SshNodeGateway(settings(file, false), only("n1", at(node).withJump(at(bastion))))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.REFUSED, a.status(), a::toString);
            assertTrue(a.reason().contains("jump host 127.0.0.1") && a.reason().contains("is not in"), a.reason());
        }
    }

    @Test
    void aNodeTheJumpHostCannotReachIsUnreachable() throws IOException {
        Path file = knownHosts("kh-jump-dead", bastion.knownHostsLine());
        NodeAddress dead = new NodeAddress("127.0.0.1", closedPort(), OpenSshd.user()).withJump(at(bastion));
        try (SshNodeGateway g = new SshNodeGateway(settings(file, false), only("gone", dead))) {
            NodeAnswer a = g.run(ostype("gone"));
            assertEquals(GatherStatus.UNREACHABLE, a.status(), a::toString);
            assertTrue(a.reason().contains("node gone") && a.reason().contains("jump host"), a.reason());
        }
    }

    @Test
    void aHangingCommandIsStoppedByTheRemoteTimeoutAndTheNodeStaysUsable() throws IOException {
        try (SshNodeGateway g = TransportOnly.gateway(settings(knownHosts("kh-hang", node.knownHostsLine()), false), only("n1", at(node)))) {
            assertEquals(GatherStatus.OK, g.run(ostype("n1")).status(), "connected before the clock starts");
            long start = System.nanoTime();
            NodeAnswer a = g.run(new NodeCommand("n1", List.of("sleep", "30"), false, 1));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(GatherStatus.TIMEOUT, a.status(), a::toString);
            assertTrue(a.reason().contains("stopped by the node's `timeout 1`"), a.reason());
            assertTrue(ms >= 900 && ms < 11_000, "the node's timeout 1 ended it well before the client bound, took " + ms + " ms");
            assertEquals(GatherStatus.OK, g.run(ostype("n1")).status(), "the node is still usable");
        }
    }

    @Test
    void aCommandTheRemoteTimeoutCannotStopIsBoundedOnTheClient() throws IOException {
        Path file = knownHosts("kh-stubborn", node.knownHostsLine());
        try (SshNodeGateway g = TransportOnly.gateway(settings(file, false, Duration.ofSeconds(2)), only("n1", at(node)))) {
            assertEquals(GatherStatus.OK, g.run(ostype("n1")).status(), "connected before the clock starts");
            long start = System.nanoTime();
            // ignores SIGTERM, so `timeout 1` sends it in vain: only the client-side bound ends the wait
            NodeAnswer a = g.run(new NodeCommand("n1", List.of("sh", "-c", "trap '' TERM; sleep 12"), false, 1));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(GatherStatus.TIMEOUT, a.status(), a::toString);
            assertTrue(a.reason().contains("no answer"), a.reason());
            assertTrue(ms >= 2900 && ms < 8000, "bounded by 1 s + 2 s grace, long before the 12 s sleep ends; took " + ms + " ms");
            assertEquals(GatherStatus.OK, g.run(ostype("n1")).status(), "the node is still usable");
        }
    }

    @Test
    void fanOutReachesTwentyRealServers() throws IOException {
        List<OpenSshd> servers = new ArrayList<>();
        try {
            List<String> known = new ArrayList<>();
            Map<String, NodeAddress> addresses = new java.util.HashMap<>();
            List<NodeCommand> commands = new ArrayList<>();
            for (int i = 0; i < FAN_OUT; i++) {
                String name = String.format("fan%02d", i);
                Path home = dir.resolve(name);
                OpenSshd s = OpenSshd.start(home, clientKey);
                servers.add(s);
                Files.writeString(home.resolve("name"), name + "\n");
                known.add(s.knownHostsLine());
                addresses.put(name, at(s));
                commands.add(new NodeCommand(name, List.of("cat", home.resolve("name").toString()), false, 30));
            }
            Path file = knownHosts("kh-fan", known.toArray(String[]::new));
            try (SshNodeGateway g = TransportOnly.gateway(settings(file, false), n -> Optional.ofNullable(addresses.get(n)))) {
                long start = System.nanoTime();
                List<NodeAnswer> answers = g.runAll(commands);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals(FAN_OUT, answers.size());
                for (int i = 0; i < FAN_OUT; i++) {
                    NodeAnswer a = answers.get(i);
                    assertEquals(GatherStatus.OK, a.status(), a::toString);
                    assertEquals(commands.get(i).node() + "\n", a.stdout(), "answers come back in input order");
                }
                // sequentially, 20 handshakes cost 20 times one; concurrently they overlap
                assertTrue(ms < 40_000, "20 handshakes and commands took " + ms + " ms");
            }
        } finally {
            servers.forEach(OpenSshd::close);
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
