package dev.ktriage.gateway.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ProxyCommand for real: OpenSSH's own client ({@code ssh -W %h:%p bastion}, what an SSM, IAP or
 * Teleport tunnel looks like to ssh) carries the connection to a real sshd, named by an ssh config
 * as an operator writes it. A failing command gives one line with its exit code and last words; a
 * silent one is killed at the connect timeout; closing the gateway ends the command.
 */
class SshProxyCommandOpenSshTest {

    @TempDir
    static Path dir;
    static Path clientKey;
    static OpenSshd node;
    static OpenSshd bastion;
    static Path known;

    @BeforeAll
    static void startServers() throws IOException {
        Optional<String> why = OpenSshd.unavailable();
        Assumptions.assumeTrue(why.isEmpty(), () -> "real OpenSSH tests skipped: " + why.orElse(""));
        clientKey = OpenSshd.keygen(dir.resolve("client"), "id_ed25519");
        node = OpenSshd.start(dir.resolve("node"), clientKey);
        // DEBUG1 makes sshd log each direct-tcpip request, which proves the tunnel was used
        bastion = OpenSshd.start(dir.resolve("bastion"), clientKey, "LogLevel DEBUG1");
        known = dir.resolve("known_hosts");
        Files.write(known, List.of(node.knownHostsLine(), bastion.knownHostsLine()));
    }

    @AfterAll
    static void stopServers() {
        for (OpenSshd s : new OpenSshd[] {node, bastion}) {
            if (s != null) s.close();
        }
    }

    /** ssh to the bastion as an operator's ProxyCommand runs it: -W relays stdin/stdout to %h:%p. */
    private static String sshW(int bastionPort) {
        return "ssh -F /dev/null -i " + clientKey + " -o UserKnownHostsFile=" + known + " -o StrictHostKeyChecking=yes"
                + " -o BatchMode=yes -p " + bastionPort + " -W %h:%p " + OpenSshd.user() + "@127.0.0.1";
    }

    private static ConfiguredNodeResolver resolver(String config, String flag) {
        return new ConfiguredNodeResolver(new ConfiguredNodeResolver.Sources(n -> Optional.of("127.0.0.1"),
                SshConfig.parse(config), NodeOverrides.none(), null, OpenSshd.user(), dir,
                new NodeAddress.HostKeyPolicy(known, false), flag));
    }

    private static SshSettings settings(Duration connect) {
        return new SshSettings(known, List.of(clientKey), false, connect, Duration.ofSeconds(10));
    }

    /** Our own children whose command line contains {@code text}, still alive. */
    private static long running(String text) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(text)).count();
    }

    private static void awaitGone(String text) throws InterruptedException {
        for (int i = 0; i < 100 && running(text) > 0; i++) Thread.sleep(50);
        assertEquals(0, running(text), "the ProxyCommand still runs: " + text);
    }

    @Test
    void theConfigsProxyCommandCarriesTheConnectionAndEndsWithIt() throws Exception {
        String config = """
                Host worker-*
                  Port %d
                  ProxyCommand %s
                """.formatted(node.port(), sshW(bastion.port()));
        int logBefore = bastion.log().length();
        try (SshNodeGateway g = new SshNodeGateway(settings(Duration.ofSeconds(20)), resolver(config, null))) {
            NodeAnswer a = g.run(SshNodeGatewayOpenSshTest.ostype("worker-1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
            assertEquals("Linux\n", a.stdout());
            assertEquals(1, running("-W 127.0.0.1:" + node.port()), "%h:%p expanded, one command for the connection");
            // the connection is reused: a second command starts no second ProxyCommand
            assertEquals(GatherStatus.OK, g.run(SshNodeGatewayOpenSshTest.ostype("worker-1")).status());
            assertEquals(1, running("-W 127.0.0.1:" + node.port()));
        }
        awaitGone("-W 127.0.0.1:" + node.port());
        String log = bastion.log().substring(logBefore);
        assertTrue(log.contains("direct-tcpip") && log.contains("port " + node.port()), "the bastion carried it:\n" + log);
    }

    @Test
    void theFlagWinsOverTheConfigAndReachesEveryNode() {
        String config = "Host *\n  Port " + node.port() + "\n  ProxyCommand false\n";
        try (SshNodeGateway g = new SshNodeGateway(settings(Duration.ofSeconds(20)), resolver(config, sshW(bastion.port())))) {
            NodeAnswer a = g.run(SshNodeGatewayOpenSshTest.ostype("any-node"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
        }
    }

    @Test
    void aFailingProxyCommandIsOneLineWithItsExitCodeAndLastWords() throws IOException {
        int closed = SshNodeGatewayOpenSshTest.closedPort();
        String config = "Host *\n  Port " + node.port() + "\n  ProxyCommand " + sshW(closed) + "\n";
        try (SshNodeGateway g = new SshNodeGateway(settings(Duration.ofSeconds(20)), resolver(config, null))) {
            NodeAnswer a = g.run(SshNodeGatewayOpenSshTest.ostype("n1"));
            assertEquals(GatherStatus.UNREACHABLE, a.status(), a::toString);
            String r = a.reason();
            assertEquals(1, r.lines().count(), r);
            assertTrue(r.startsWith("node n1 (127.0.0.1:" + node.port() + "): ProxyCommand `ssh -F /dev/null"), r);
            assertTrue(r.contains("exited 255 before the SSH handshake") && r.contains("port " + closed + ": Connection refused"), r);
        }
    }

    @Test
    void theNodesHostKeyIsCheckedThroughTheCommandAsOverTcp() throws Exception {
        Path onlyBastion = dir.resolve("kh-bastion-only");
        Files.write(onlyBastion, List.of(bastion.knownHostsLine()));
        String config = "Host *\n  Port " + node.port() + "\n  ProxyCommand " + sshW(bastion.port()) + "\n";
        SshSettings strict = new SshSettings(onlyBastion, List.of(clientKey), false, Duration.ofSeconds(20), Duration.ofSeconds(10));
        ConfiguredNodeResolver r = new ConfiguredNodeResolver(new ConfiguredNodeResolver.Sources(n -> Optional.of("127.0.0.1"),
                SshConfig.parse(config), NodeOverrides.none(), null, OpenSshd.user(), dir, new NodeAddress.HostKeyPolicy(onlyBastion, false)));
        try (SshNodeGateway g = new SshNodeGateway(strict, r)) {
            NodeAnswer a = g.run(SshNodeGatewayOpenSshTest.ostype("n1"));
            assertEquals(GatherStatus.REFUSED, a.status(), a::toString);
            assertTrue(a.reason().contains("is not in") && a.reason().contains("[127.0.0.1]:" + node.port()), a.reason());
        }
        awaitGone("-W 127.0.0.1:" + node.port());
    }

    @Test
    void aSilentProxyCommandIsKilledAtTheConnectTimeout() throws Exception {
        String config = "Host *\n  ProxyCommand sleep 3600 # %n\n";
        long start = System.nanoTime();
        try (SshNodeGateway g = new SshNodeGateway(settings(Duration.ofSeconds(2)), resolver(config, null))) {
            NodeAnswer a = g.run(SshNodeGatewayOpenSshTest.ostype("quiet-node"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(GatherStatus.UNREACHABLE, a.status(), a::toString);
            assertTrue(a.reason().contains("ProxyCommand `sleep 3600 # quiet-node` gave no SSH handshake within 2000 ms"), a.reason());
            assertTrue(ms < 15_000, "bounded by the connect timeout, took " + ms + " ms");
        }
        awaitGone("sleep 3600");
    }

    @Test
    void theConfigsValueIsTakenRawAndTheFirstOfProxyJumpAndProxyCommandWins() {
        SshConfig c = SshConfig.parse("""
                Host a
                  ProxyCommand=sh -c "nc %h %p"  
                Host b
                  ProxyJump bastion
                  ProxyCommand nc %h %p
                Host c
                  ProxyCommand nc %h %p
                  ProxyJump bastion
                Host d
                  ProxyCommand none
                """);
        assertEquals("sh -c \"nc %h %p\"", c.lookup("a").proxyCommand());
        assertEquals("bastion", c.lookup("b").proxyJump());
        assertEquals(null, c.lookup("b").proxyCommand());
        assertEquals("nc %h %p", c.lookup("c").proxyCommand());
        assertEquals(null, c.lookup("c").proxyJump());
        ConfiguredNodeResolver r = new ConfiguredNodeResolver(new ConfiguredNodeResolver.Sources(n -> Optional.of("10.1.2.3"), c,
                NodeOverrides.none(), "ops", "nobody", dir, new NodeAddress.HostKeyPolicy(known, false)));
        assertEquals("sh -c \"nc 10.1.2.3 22\"", r.resolve("a").orElseThrow().proxyCommand());
        assertEquals(null, r.resolve("d").orElseThrow().proxyCommand(), "none is no ProxyCommand");
        assertEquals("ssh -W 10.1.2.3:2222 ops@jump # n1 100%", ConfiguredNodeResolver.proxyTokens("ssh -W %h:%p %r@jump # %n 100%%",
                "10.1.2.3", 2222, "ops", "n1"));
    }
}
