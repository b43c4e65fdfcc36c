package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ktriage.gateway.node.SshNodeGatewayOpenSshTest.ostype;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging in with the keys of a real ssh-agent (Debian's, keys loaded by ssh-add) to real OpenSSH
 * sshd on 127.0.0.1: the agent alone, an agent with the wrong keys falling back to the identity
 * file, and agents that hang.
 */
class SshAgentOpenSshTest {

    @TempDir
    static Path dir;
    /** authorizes {@link #agentEd25519} and {@link #agentRsa}, which only the agent holds, and {@link #fileKey} */
    static OpenSshd node;
    /** accepts RSA signatures with SHA-256 only, so an RSA key must be signed with what the server allows */
    static OpenSshd sha256Only;
    /** authorizes only {@link #agentEcdsa} */
    static OpenSshd ecdsaNode;
    static Path agentEd25519;
    static Path agentEcdsa;
    static Path agentRsa;
    static Path fileKey;
    static Path strangerEd25519;
    static Path strangerRsa;
    static OpenSshAgent agent;
    static OpenSshAgent wrongAgent;

    @BeforeAll
    static void start() throws IOException {
        Optional<String> why = OpenSshd.unavailable().or(OpenSshAgent::unavailable);
        Assumptions.assumeTrue(why.isEmpty(), () -> "ssh-agent with OpenSSH tests skipped: " + why.orElse(""));
        agentEd25519 = OpenSshAgent.keygen(dir.resolve("agent-keys"), "id_ed25519", "ed25519");
        agentRsa = OpenSshAgent.keygen(dir.resolve("agent-keys"), "id_rsa", "rsa");
        agentEcdsa = OpenSshAgent.keygen(dir.resolve("agent-keys"), "id_ecdsa", "ecdsa");
        fileKey = OpenSshAgent.keygen(dir.resolve("file-keys"), "id_ed25519", "ed25519");
        strangerEd25519 = OpenSshAgent.keygen(dir.resolve("stranger-keys"), "id_ed25519", "ed25519");
        strangerRsa = OpenSshAgent.keygen(dir.resolve("stranger-keys"), "id_rsa", "rsa");
        node = OpenSshd.start(dir.resolve("node"), fileKey);
        authorize(dir.resolve("node"), agentEd25519, agentRsa);
        // DEBUG1 makes sshd log the algorithm it refused
        sha256Only = OpenSshd.start(dir.resolve("sha256"), agentRsa, "PubkeyAcceptedAlgorithms rsa-sha2-256", "LogLevel DEBUG1");
        ecdsaNode = OpenSshd.start(dir.resolve("ecdsa"), agentEcdsa);
        agent = OpenSshAgent.start(dir.resolve("agent.sock"));
        agent.add(agentEd25519);
        agent.add(agentRsa);
        agent.add(agentEcdsa);
        wrongAgent = OpenSshAgent.start(dir.resolve("wrong.sock"));
        wrongAgent.add(strangerEd25519);
        wrongAgent.add(strangerRsa);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {node, sha256Only, ecdsaNode, agent, wrongAgent}) {
            try {
                if (c != null) c.close();
            } catch (Exception e) {
                // best effort
            }
        }
    }

    private static void authorize(Path sshdDir, Path... keys) throws IOException {
        for (Path key : keys) {
            Files.writeString(sshdDir.resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")), StandardOpenOption.APPEND);
        }
    }

    private static SshSettings settings(OpenSshd server, List<Path> identityFiles, Path agentSocket) throws IOException {
        Path known = dir.resolve("kh-" + server.port());
        Files.write(known, List.of(server.knownHostsLine()));
        return new SshSettings(known, identityFiles, false, Duration.ofSeconds(20), Duration.ofSeconds(10)).withAgent(agentSocket);
    }

    private static NodeResolver nodes(Map<String, OpenSshd> servers) {
        return n -> Optional.ofNullable(servers.get(n)).map(s -> new NodeAddress("127.0.0.1", s.port(), OpenSshd.user()));
    }

    /** The sshd log lines since {@code from} that accepted a key with this fingerprint. */
    private static boolean acceptedSince(OpenSshd server, int from, Path key) throws IOException {
        String fingerprint = OpenSshAgent.fingerprint(key);
        return server.log().substring(from).lines().anyMatch(l -> l.contains("Accepted publickey") && l.contains(fingerprint));
    }

    /** Nodes reached through an ssh config: every host at 127.0.0.1:{@code server}, plus {@code lines}. */
    private static ConfiguredNodeResolver viaConfig(OpenSshd server, String lines) throws IOException {
        Path known = dir.resolve("kh-config-" + server.port());
        Files.write(known, List.of(server.knownHostsLine()));
        SshConfig config = SshConfig.parse(lines + """
                Host *
                  HostName 127.0.0.1
                  Port %d
                  User %s
                  UserKnownHostsFile %s
                """.formatted(server.port(), OpenSshd.user(), known));
        return new ConfiguredNodeResolver(new ConfiguredNodeResolver.Sources(n -> Optional.empty(), config, NodeOverrides.none(),
                null, "nobody", dir, new NodeAddress.HostKeyPolicy(known, false)));
    }

    private static SshSettings noFilesWithAgent(Path socket) {
        return new SshSettings(dir.resolve("no-known-hosts"), List.of(), false, Duration.ofSeconds(20), Duration.ofSeconds(10))
                .withAgent(socket);
    }

    @Test
    void identityAgentNoneInTheConfigKeepsTheAgentOutOfThatHost() throws IOException {
        Path socket = dir.resolve("never-asked.sock");
        try (StallingAgent watched = new StallingAgent(socket, null);
             SshNodeGateway g = new SshNodeGateway(noFilesWithAgent(socket), viaConfig(node, """
                     Host n1
                       IdentityAgent none
                       IdentityFile %s
                     """.formatted(fileKey)))) {
            long start = System.nanoTime();
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
            assertTrue((System.nanoTime() - start) / 1_000_000 < 4000, "no wait for the agent");
            assertEquals(0, watched.connections(), "the agent was not asked");
        }
    }

    @Test
    void identityAgentInTheConfigNamesTheSocketForThatHost() throws IOException {
        try (SshNodeGateway g = new SshNodeGateway(noFilesWithAgent(null), viaConfig(node, """
                Host n1
                  IdentityAgent %s
                """.formatted(agent.socket())))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
        }
    }

    @Test
    void identitiesOnlyOffersOnlyTheAgentKeysThatAreIdentityFiles() throws IOException {
        // the agent holds an authorized key the config does not name: IdentitiesOnly keeps it back
        int from = node.log().length();
        try (SshNodeGateway g = new SshNodeGateway(noFilesWithAgent(agent.socket()), viaConfig(node, """
                Host n1
                  IdentitiesOnly yes
                  IdentityFile %s
                """.formatted(fileKey)))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
        }
        assertTrue(acceptedSince(node, from, fileKey), "the identity file logged in:\n" + node.log().substring(from));
        assertTrue(!node.log().substring(from).contains(OpenSshAgent.fingerprint(agentEd25519)), "the agent's key was never offered");

        // a key named by its public half only (the private one is encrypted, or only in the agent) is signed by the agent
        Path pubOnly = Files.createDirectories(dir.resolve("pub-only")).resolve("id_ed25519");
        Files.copy(Path.of(agentEd25519 + ".pub"), Path.of(pubOnly + ".pub"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        from = node.log().length();
        try (SshNodeGateway g = new SshNodeGateway(noFilesWithAgent(agent.socket()), viaConfig(node, """
                Host n1
                  IdentitiesOnly yes
                  IdentityFile %s
                """.formatted(pubOnly)))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
        }
        assertTrue(acceptedSince(node, from, agentEd25519), "the agent signed for the named key:\n" + node.log().substring(from));
    }

    @Test
    void theAgentAloneLogsInWithNoIdentityFile() throws IOException {
        int from = node.log().length();
        try (SshNodeGateway g = new SshNodeGateway(settings(node, List.of(), agent.socket()), nodes(Map.of("n1", node)))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
            assertEquals("Linux\n", a.stdout());
        }
        assertTrue(acceptedSince(node, from, agentEd25519), "sshd accepted the agent's first key:\n" + node.log().substring(from));
    }

    @Test
    void anRsaKeyInTheAgentIsSignedWithTheHashTheServerAccepts() throws IOException {
        // the agent's ed25519 key is not authorized there, and rsa-sha2-512 is refused: only rsa-sha2-256 gets in
        int from = sha256Only.log().length();
        try (SshNodeGateway g = new SshNodeGateway(settings(sha256Only, List.of(), agent.socket()), nodes(Map.of("n1", sha256Only)))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
        }
        String log = sha256Only.log().substring(from);
        assertTrue(acceptedSince(sha256Only, from, agentRsa), "sshd accepted the agent's RSA key:\n" + log);
        assertTrue(log.contains("rsa-sha2-512 not in PubkeyAcceptedAlgorithms"), "rsa-sha2-512 was tried first and refused:\n" + log);
    }

    @Test
    void anEcdsaKeyInTheAgentLogsInAfterTheAgentsOtherKeysAreRefused() throws IOException {
        int from = ecdsaNode.log().length();
        try (SshNodeGateway g = new SshNodeGateway(settings(ecdsaNode, List.of(), agent.socket()), nodes(Map.of("n1", ecdsaNode)))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
        }
        assertTrue(acceptedSince(ecdsaNode, from, agentEcdsa), "sshd accepted the agent's ECDSA key:\n" + ecdsaNode.log().substring(from));
    }

    @Test
    void anEncryptedIdentityFileWhoseKeyIsInTheAgentLogsInThroughTheAgent() throws IOException {
        // the operator's usual set-up: the key on disk has a passphrase, ssh-add unlocked it into the agent
        Path encrypted = Files.createDirectories(dir.resolve("encrypted")).resolve("id_ed25519");
        Files.copy(agentEd25519, encrypted, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(agentEd25519 + ".pub"), Path.of(encrypted + ".pub"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        OpenSshAgent.encrypt(encrypted, "a passphrase ktriage never knows");
        try (SshNodeGateway g = new SshNodeGateway(settings(node, List.of(encrypted), agent.socket()), nodes(Map.of("n1", node)))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
        }
        // without the agent the file alone cannot log in: refused, in one line, not an error
        try (SshNodeGateway g = new SshNodeGateway(settings(node, List.of(encrypted), null), nodes(Map.of("n1", node)))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.REFUSED, a.status(), a::toString);
            assertTrue(a.reason().startsWith("authentication failed for"), a.reason());
        }
    }

    /** As OpenSSH: the agent's copy of a named identity file goes first, before the agent's other keys. */
    @Test
    void theAgentsCopyOfAnIdentityFileIsOfferedFirst() throws IOException {
        int from = node.log().length();
        try (SshNodeGateway g = new SshNodeGateway(settings(node, List.of(agentRsa), agent.socket()), nodes(Map.of("n1", node)))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
        }
        assertTrue(acceptedSince(node, from, agentRsa), "the named key logged in, though the agent lists its ed25519 key first:\n"
                + node.log().substring(from));
    }

    @Test
    void anAgentWithTheWrongKeysFallsBackToTheIdentityFile() throws IOException {
        int from = node.log().length();
        try (SshNodeGateway g = new SshNodeGateway(settings(node, List.of(fileKey), wrongAgent.socket()), nodes(Map.of("n1", node)))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
        }
        assertTrue(acceptedSince(node, from, fileKey), "sshd accepted the identity file:\n" + node.log().substring(from));
    }

    @Test
    void whenNothingGetsInTheRefusalSaysWhatTheAgentOffered() throws IOException {
        try (SshNodeGateway g = new SshNodeGateway(settings(node, List.of(strangerEd25519), wrongAgent.socket()), nodes(Map.of("n1", node)))) {
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.REFUSED, a.status(), a::toString);
            assertTrue(a.reason().startsWith("authentication failed for " + OpenSshd.user() + "@127.0.0.1")
                    && a.reason().contains("ssh-agent at " + wrongAgent.socket() + " offered 2 keys"), a.reason());
            assertTrue(!a.reason().contains("\n") && !a.reason().contains("AAAA"), "one line, no key material: " + a.reason());
        }
    }

    @Test
    void anAgentThatNeverAnswersCostsOneBoundedWaitAndTheFilesStillLogIn() throws IOException {
        Path socket = dir.resolve("dead.sock");
        try (StallingAgent dead = new StallingAgent(socket, null);
             SshNodeGateway g = new SshNodeGateway(settings(node, List.of(fileKey), socket), nodes(Map.of("n1", node, "n2", node)))) {
            long start = System.nanoTime();
            NodeAnswer first = g.run(ostype("n1"));
            long firstMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(GatherStatus.OK, first.status(), first::toString);
            // the bound is min(connect timeout, 5 s): 5 s here
            assertTrue(firstMs >= 4900 && firstMs < 15_000, "waited for the agent once, within its bound: " + firstMs + " ms");
            start = System.nanoTime();
            NodeAnswer second = g.run(ostype("n2"));
            long secondMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(GatherStatus.OK, second.status(), second::toString);
            assertTrue(secondMs < 4000, "the dead agent is not waited for again: " + secondMs + " ms");
            assertEquals(1, dead.connections(), "asked once");
        }
    }

    @Test
    void anAgentThatHangsWhileSigningFallsBackToTheFileWithinTheBound() throws IOException {
        // the key list comes from the real agent, the signature never does (a confirmation nobody gives)
        Path socket = dir.resolve("stuck.sock");
        int from = node.log().length();
        try (StallingAgent stuck = new StallingAgent(socket, agent.socket());
             SshNodeGateway g = new SshNodeGateway(settings(node, List.of(fileKey), socket), nodes(Map.of("n1", node)))) {
            long start = System.nanoTime();
            NodeAnswer a = g.run(ostype("n1"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(GatherStatus.OK, a.status(), a::toString);
            assertTrue(ms >= 4900 && ms < 15_000, "one bounded wait for the signature: " + ms + " ms");
            assertEquals(1, stuck.stalled(), "one sign request hung; the agent was not asked again");
        }
        assertTrue(acceptedSince(node, from, fileKey), "sshd accepted the identity file:\n" + node.log().substring(from));
    }

    @Test
    void aStaleAgentSocketPathIsSkippedAtOnce() throws IOException {
        Path gone = dir.resolve("agent-that-was.sock");
        try (SshNodeGateway g = new SshNodeGateway(settings(node, List.of(fileKey), gone), nodes(Map.of("n1", node)))) {
            long start = System.nanoTime();
            NodeAnswer a = g.run(ostype("n1"));
            assertEquals(GatherStatus.OK, a.status(), a::toString);
            assertTrue((System.nanoTime() - start) / 1_000_000 < 4000, "no wait for a socket that is not there");
        }
    }
}
