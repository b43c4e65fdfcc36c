package dev.ktriage.gateway.node;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.signature.Signature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent client against Debian's real ssh-agent, and against one that never answers. */
class SshAgentTest {

    @TempDir
    static Path dir;
    static OpenSshAgent real;
    static Path ed25519;
    static Path rsa;
    static Path ecdsa;

    @BeforeAll
    static void startAgent() throws IOException {
        Optional<String> why = OpenSshAgent.unavailable();
        Assumptions.assumeTrue(why.isEmpty(), () -> "ssh-agent tests skipped: " + why.orElse(""));
        ed25519 = OpenSshAgent.keygen(dir.resolve("keys"), "id_ed25519", "ed25519");
        rsa = OpenSshAgent.keygen(dir.resolve("keys"), "id_rsa", "rsa");
        ecdsa = OpenSshAgent.keygen(dir.resolve("keys"), "id_ecdsa", "ecdsa");
        real = OpenSshAgent.start(dir.resolve("agent.sock"));
        real.add(ed25519);
        real.add(rsa);
        real.add(ecdsa);
    }

    @AfterAll
    static void stopAgent() {
        if (real != null) real.close();
    }

    private static byte[] publicBlob(Path key) throws IOException {
        return Base64.getDecoder().decode(Files.readString(Path.of(key + ".pub")).split("\\s+")[1]);
    }

    @Test
    void listsTheKeysSshAddLoaded() throws IOException {
        List<SshAgent.Identity> keys = new SshAgent(real.socket(), Duration.ofSeconds(5)).identities();
        assertEquals(3, keys.size(), keys::toString);
        assertTrue(keys.get(0).sameKey(publicBlob(ed25519)) && keys.get(0).type().equals("ssh-ed25519"));
        assertTrue(keys.get(1).sameKey(publicBlob(rsa)) && keys.get(1).type().equals("ssh-rsa"));
        assertTrue(keys.get(2).sameKey(publicBlob(ecdsa)) && keys.get(2).type().equals("ecdsa-sha2-nistp256"));
        assertEquals("id_rsa", keys.get(1).comment());
    }

    @Test
    void signaturesVerifyWithThePublicKeyAndRsaUsesTheHashAskedFor() throws Exception {
        SshAgent agent = new SshAgent(real.socket(), Duration.ofSeconds(5));
        byte[] data = "session id and request".getBytes(StandardCharsets.UTF_8);
        record Case(Path key, int flags, String algorithm) {
        }
        for (Case c : List.of(new Case(ed25519, 0, "ssh-ed25519"), new Case(rsa, SshAgent.RSA_SHA2_256, "rsa-sha2-256"),
                new Case(rsa, SshAgent.RSA_SHA2_512, "rsa-sha2-512"), new Case(ecdsa, 0, "ecdsa-sha2-nistp256"))) {
            byte[] blob = publicBlob(c.key());
            Buffer.PlainBuffer signature = new Buffer.PlainBuffer(agent.sign(blob, data, c.flags()));
            assertEquals(c.algorithm(), new Buffer.PlainBuffer(signature).readString(), "the agent signed with the asked algorithm");
            // sshj's own verifier, as a server would check it
            PublicKey key = new Buffer.PlainBuffer(blob).readPublicKey();
            Signature verifier = new DefaultConfig().getKeyAlgorithms().stream().filter(f -> f.getName().equals(c.algorithm()))
                    .findFirst().orElseThrow().create().newSignature();
            verifier.initVerify(key);
            verifier.update(data);
            assertTrue(verifier.verify(signature.getCompactData()), c.algorithm() + " signature verifies");
        }
    }

    @Test
    void aKeyTheAgentDoesNotHoldIsRefusedAndTheAgentStaysUsable() throws IOException {
        Path stranger = OpenSshAgent.keygen(dir.resolve("stranger"), "id_ed25519", "ed25519");
        SshAgent agent = new SshAgent(real.socket(), Duration.ofSeconds(5));
        IOException e = assertThrows(IOException.class, () -> agent.sign(publicBlob(stranger), new byte[] {1}, 0));
        assertTrue(e.getMessage().contains("refused to sign"), e.getMessage());
        assertNull(agent.broken());
        assertEquals(3, agent.identities().size());
    }

    @Test
    void anAgentThatNeverAnswersCostsTheBoundOnceThenFailsAtOnce() throws IOException {
        Path socket = dir.resolve("silent.sock");
        try (StallingAgent silent = new StallingAgent(socket, null)) {
            SshAgent agent = new SshAgent(socket, Duration.ofMillis(800));
            long start = System.nanoTime();
            IOException first = assertThrows(IOException.class, agent::identities);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 700 && ms < 5000, "bounded by the 800 ms timeout, took " + ms + " ms");
            assertTrue(first.getMessage().contains("did not answer within 800 ms"), first.getMessage());
            start = System.nanoTime();
            assertThrows(IOException.class, agent::identities);
            assertTrue((System.nanoTime() - start) / 1_000_000 < 100, "a broken agent is not asked again");
            assertEquals(1, silent.connections());
        }
    }

    @Test
    void aCancelledStepStopsWaitingAtOnceAndDoesNotCondemnTheAgent() throws Exception {
        Path socket = dir.resolve("slow.sock");
        try (StallingAgent slow = new StallingAgent(socket, null)) {
            SshAgent agent = new SshAgent(socket, Duration.ofSeconds(10));
            java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
            Thread asking = new Thread(() -> {
                try {
                    agent.identities();
                } catch (IOException e) {
                    failure.set(e);
                }
            });
            long start = System.nanoTime();
            asking.start();
            Thread.sleep(300);
            asking.interrupt();
            asking.join(5000);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(!asking.isAlive() && ms < 3000, "stopped soon after the interrupt, not at the 10 s bound: " + ms + " ms");
            assertTrue(failure.get() != null && failure.get().getMessage().contains("interrupted"), String.valueOf(failure.get()));
            assertNull(agent.broken(), "a cancelled request says nothing about the agent");
        }
    }

    @Test
    void aMissingSocketFailsAtOnceWithItsPath() {
        Path nowhere = dir.resolve("no-agent.sock");
        IOException e = assertThrows(IOException.class, () -> new SshAgent(nowhere, Duration.ofSeconds(5)).identities());
        assertTrue(e.getMessage().contains(nowhere.toString()) && e.getMessage().contains("unusable"), e.getMessage());
    }
}
