package dev.ktriage.lab.ssh;

import dev.ktriage.lab.scenario.CommandSpec;
import dev.ktriage.lab.scenario.NodeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A person reproduces what ktriage saw with the real OpenSSH client and the lab's ssh_config. */
class LabSshServerOpenSshTest {

    private static final Path SSH = Path.of("/usr/bin/ssh");

    record Result(int exit, String stdout, String stderr) {
    }

    @Test
    void realSshGetsTheLabAnswers(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(SSH), "OpenSSH client not installed at /usr/bin/ssh");
        Map<String, NodeSpec> nodes = Map.of(
                "node0", new NodeSpec("node0", Map.of("net.ipv4.conf.all.rp_filter", "0"), Map.of(),
                        List.of(new CommandSpec("ip route get 10.0.0.113", null, "10.0.0.113 dev cilium_host\n", "", 0, 0)), false),
                "node1", new NodeSpec("node1", Map.of("net.ipv4.conf.all.rp_filter", "1"), Map.of(), List.of(), true));
        try (LabSshServer lab = LabSshServer.start(nodes, dir)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lab.identityFile())));
            assertTrue(Files.readString(lab.knownHostsFile()).startsWith("[127.0.0.1]:" + lab.port() + " ssh-ed25519 "));

            Result sysctl = ssh(lab, "node0", "sysctl", "-n", "net.ipv4.conf.all.rp_filter");
            assertEquals(new Result(0, "0\n", ""), sysctl);

            Result wrapped = ssh(lab, "node0", "timeout 5 sudo -n env LC_ALL=C ip route get 10.0.0.113");
            assertEquals(new Result(0, "10.0.0.113 dev cilium_host\n", ""), wrapped);

            Result unanswered = ssh(lab, "node0", "crictl", "ps");
            assertEquals(127, unanswered.exit());
            assertEquals(List.of("node0: crictl ps"), lab.unansweredCommands());

            Result unreachable = ssh(lab, "node1", "sysctl", "-n", "net.ipv4.conf.all.rp_filter");
            assertNotEquals(0, unreachable.exit());
            assertFalse(unreachable.stdout().contains("1"), "an unreachable node never answers");
        }
    }

    private static Result ssh(LabSshServer lab, String node, String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(SSH.toString(), "-F", lab.sshConfigFile().toString(), node));
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        // outputs are tiny: reading them one after the other cannot fill a pipe
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ssh did not finish within 20 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.exitValue(), out, err);
    }
}
