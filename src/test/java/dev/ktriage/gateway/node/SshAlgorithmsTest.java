package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.common.Factory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the gateway offers a node: OpenSSH's client defaults, fast ones first, nothing OpenSSH has
 * dropped; and against a real sshd, RSA (host key and login key) still works through rsa-sha2,
 * while a server that only signs with SHA-1 ssh-rsa is not talked to.
 */
class SshAlgorithmsTest {

    @TempDir
    static Path dir;
    static Path rsaClient;
    static OpenSshd rsaOnly;
    static OpenSshd sha1Only;

    @BeforeAll
    static void startServers() throws IOException {
        if (OpenSshd.unavailable().isPresent()) return;
        rsaClient = rsaKey(dir.resolve("client"), "id_rsa");
        Path hostKey = rsaKey(dir.resolve("rsa-only"), "host_rsa");
        rsaOnly = OpenSshd.start(dir.resolve("rsa-only"), rsaClient, "HostKey " + hostKey, "HostKeyAlgorithms rsa-sha2-512,rsa-sha2-256");
        Path oldKey = rsaKey(dir.resolve("sha1-only"), "host_rsa");
        sha1Only = OpenSshd.start(dir.resolve("sha1-only"), rsaClient, "HostKey " + oldKey, "HostKeyAlgorithms ssh-rsa");
    }

    @AfterAll
    static void stopServers() {
        if (rsaOnly != null) rsaOnly.close();
        if (sha1Only != null) sha1Only.close();
    }

    private static Path rsaKey(Path in, String name) throws IOException {
        Files.createDirectories(in);
        Path key = in.resolve(name);
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-N", "", "-C", name, "-f", key.toString())
                .redirectErrorStream(true).start();
        try {
            if (p.waitFor() != 0) throw new IOException("ssh-keygen failed: " + new String(p.getInputStream().readAllBytes()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return key;
    }

    private static List<String> names(List<? extends Factory.Named<?>> factories) {
        return factories.stream().map(Factory.Named::getName).toList();
    }

    @Test
    void offersOpenSshsDefaultsFastOnesFirstAndNothingItDropped() {
        Config c = SshAlgorithms.config();
        assertEquals("curve25519-sha256", names(c.getKeyExchangeFactories()).get(0));
        assertEquals("ssh-ed25519-cert-v01@openssh.com", names(c.getKeyAlgorithms()).get(0));
        assertEquals("ssh-ed25519", names(c.getKeyAlgorithms()).get(1));
        assertTrue(names(c.getKeyExchangeFactories()).contains("ext-info-c"), "rsa-sha2 logins need the server's signature list");
        for (String name : names(c.getKeyExchangeFactories())) {
            // group exchange in sshj takes groups down to 1024 bits (OpenSSH: 2048), so it is not offered
            assertTrue(!name.contains("sha1") && !name.contains("group-exchange"), name);
        }
        for (String name : names(c.getKeyAlgorithms())) assertTrue(!name.startsWith("ssh-rsa") && !name.startsWith("ssh-dss"), name);
        for (String name : names(c.getCipherFactories())) {
            assertTrue(!name.contains("cbc") && !name.contains("3des") && !name.contains("arcfour") && !name.contains("blowfish"), name);
        }
        for (String name : names(c.getMACFactories())) assertTrue(!name.contains("md5") && !name.contains("-96"), name);
        assertEquals(c, SshAlgorithms.config(), "built once, shared");
    }

    @Test
    void rsaHostAndLoginKeysWorkThroughRsaSha2() throws IOException {
        Assumptions.assumeTrue(rsaOnly != null, "real OpenSSH tests skipped");
        NodeAnswer a = run(rsaOnly, dir.resolve("rsa-only/host_rsa.pub"));
        assertEquals(GatherStatus.OK, a.status(), a::toString);
        assertEquals("Linux\n", a.stdout());
        assertTrue(rsaOnly.log().contains("Accepted publickey") && rsaOnly.log().contains("RSA"), rsaOnly.log());
    }

    @Test
    void aServerThatOnlySignsWithSha1IsNotTalkedTo() throws IOException {
        Assumptions.assumeTrue(sha1Only != null, "real OpenSSH tests skipped");
        NodeAnswer a = run(sha1Only, dir.resolve("sha1-only/host_rsa.pub"));
        assertEquals(GatherStatus.UNREACHABLE, a.status(), a::toString);
        assertTrue(a.reason().contains("handshake failed"), a.reason());
    }

    /** Runs a command on {@code server}, whose RSA host key {@code hostKey} is known. */
    private static NodeAnswer run(OpenSshd server, Path hostKey) throws IOException {
        Path known = dir.resolve("known_hosts-" + server.port());
        String[] pub = Files.readString(hostKey).trim().split("\\s+");
        Files.write(known, List.of("[127.0.0.1]:" + server.port() + " " + pub[0] + " " + pub[1]));
        SshSettings settings = new SshSettings(known, List.of(rsaClient), false, Duration.ofSeconds(20), Duration.ofSeconds(10));
        NodeAddress at = new NodeAddress("127.0.0.1", server.port(), OpenSshd.user());
        try (SshNodeGateway g = new SshNodeGateway(settings, n -> Optional.of(at))) {
            return g.run(SshNodeGatewayOpenSshTest.ostype("n1"));
        }
    }
}
