package dev.ktriage.ui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.allowlist.WriteForms;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.gateway.node.OpenSshd;
import dev.ktriage.redact.LeakyNode;
import dev.ktriage.ui.SeedLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL's {@code ssh NODE CMD} against every write, escape and sensitive read of
 * {@link WriteForms}: each is one {@code error:} line, and nothing reaches a node — neither the
 * lab's nodes nor a real OpenSSH server whose ForceCommand logs every command it is sent.
 */
class ReplReadOnlyTest {

    @TempDir
    static Path tmp;
    static SeedLab seed;

    @BeforeAll
    static void startLab() {
        seed = new SeedLab(tmp);
    }

    @AfterAll
    static void stopLab() {
        seed.close();
    }

    private static List<String> forms() {
        List<String> all = new ArrayList<>(WriteForms.WRITES);
        all.addAll(WriteForms.SENSITIVE);
        return all;
    }

    /** Sends each form; returns those that were not refused with one error line. */
    private static List<String> notRefused(ReplCommands r) {
        List<String> wrong = new ArrayList<>();
        for (String form : forms()) {
            String out = r.execute("ssh node0 " + form);
            if (!out.startsWith("error: ") || out.lines().count() != 1) wrong.add(form + " -> " + out);
        }
        return wrong;
    }

    @Test
    void whatANodeAnswersIsShownWithoutItsSecrets() {
        try (SeedLab leaky = new SeedLab(tmp.resolve("leaky"), LeakyNode.SCENARIO)) {
            ReplCommands r = new ReplCommands(leaky.workspace(null, tmp), line -> { });
            String log = r.execute("ssh node0 cat /var/log/cloud-init-output.log");
            String kubeconfig = r.execute("ssh node0 cat /etc/kubernetes/kubelet.conf");
            assertTrue(log.contains("BEGIN RSA PRIVATE KEY") && kubeconfig.contains("kubelet-client-current.pem"), log + kubeconfig);
            assertEquals(List.of(), LeakyNode.leaked(log + kubeconfig), log + kubeconfig);
        }
    }

    @Test
    void theLabsNodesReceiveNothing() {
        ReplCommands r = new ReplCommands(seed.workspace(null, tmp), line -> { });
        int before = seed.nodeCommands();
        assertEquals(List.of(), notRefused(r));
        assertEquals(before, seed.nodeCommands(), "the lab's nodes received a refused command");
        assertTrue(r.execute("ssh node0 sysctl -n net.ipv4.conf.all.rp_filter").contains("0"), "and a read still goes");
        assertEquals(before + 1, seed.nodeCommands());
    }

    @Test
    void aRealSshdWithALoggingForceCommandReceivesNothing() throws Exception {
        Optional<String> why = OpenSshd.unavailable();
        Assumptions.assumeTrue(why.isEmpty(), () -> "real OpenSSH test skipped: " + why.orElse(""));
        Path log = tmp.resolve("received.log");
        Files.writeString(log, "");
        Path force = tmp.resolve("log-and-run.sh");
        Files.writeString(force, """
                #!/bin/sh
                printf '%%s\\n' "$SSH_ORIGINAL_COMMAND" >> '%s'
                exec /bin/sh -c "$SSH_ORIGINAL_COMMAND"
                """.formatted(log));
        force.toFile().setExecutable(true);
        Path key = OpenSshd.keygen(tmp.resolve("client"), "id_ed25519");
        try (OpenSshd sshd = OpenSshd.start(tmp.resolve("sshd"), key, "ForceCommand " + force);
             NodeGateway real = sshd.gateway(tmp.resolve("kh"), key, "node0")) {
            ReplCommands r = new ReplCommands(seed.workspaceWith(real, tmp), line -> { });
            assertEquals(List.of(), notRefused(r));
            assertEquals("", Files.readString(log), "the real node was sent a refused command");
            String os = r.execute("ssh node0 sysctl -n kernel.ostype");
            assertTrue(os.contains("Linux"), os);
            List<String> received = Files.readAllLines(log);
            assertEquals(1, received.size(), received.toString());
            assertTrue(received.get(0).endsWith("sysctl -n kernel.ostype"), received.toString());
        }
    }
}
