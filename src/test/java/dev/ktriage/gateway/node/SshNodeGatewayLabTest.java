package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.lab.LabNodeGateway;
import dev.ktriage.lab.LabNodeResolver;
import dev.ktriage.lab.scenario.CommandSpec;
import dev.ktriage.lab.scenario.NodeSpec;
import dev.ktriage.lab.ssh.LabSshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real sshj client against the real lab SSH server: what ktriage does in lab mode. */
class SshNodeGatewayLabTest {

    static final int FAN_OUT_NODES = 50;

    @TempDir
    static Path dir;
    static LabSshServer lab;
    static SshNodeGateway gateway;

    @BeforeAll
    static void startLab() throws IOException {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("node0", new NodeSpec("node0",
                Map.of("net.ipv4.conf.all.rp_filter", "0", "net.ipv4.conf.lxc3c160d6c7aa0.rp_filter", "2"),
                Map.of("/etc/sysctl.d/10-network-security.conf", "net.ipv4.conf.all.rp_filter=2\n"),
                List.of(new CommandSpec("ip route get 10.0.0.113", null, "10.0.0.113 dev cilium_host src 10.0.0.253 uid 0\n", "", 0, 0),
                        new CommandSpec(null, Pattern.compile("^journalctl -k.*"), "kernel: IPv4: martian source\n", "", 0, 0),
                        new CommandSpec("crictl inspect broken", null, "", "FATA[0000] no such container\n", 1, 0),
                        new CommandSpec("uptime", null, "late\n", "", 0, 5000),
                        new CommandSpec("dmesg", null, "k".repeat(5 * 1024 * 1024), "", 0, 0)),
                false));
        nodes.put("node1", new NodeSpec("node1", Map.of("kernel.hostname", "node1"), Map.of(), List.of(), true));
        for (int i = 0; i < FAN_OUT_NODES; i++) {
            String name = fanNode(i);
            nodes.put(name, new NodeSpec(name, Map.of(), Map.of(),
                    List.of(new CommandSpec("hostname", null, name + "\n", "", 0, 200)), false));
        }
        lab = LabSshServer.start(nodes, dir.resolve("lab"));
        gateway = LabNodeGateway.open(lab);
    }

    @AfterAll
    static void stopLab() {
        if (gateway != null) gateway.close();
        if (lab != null) lab.close();
    }

    static String fanNode(int i) {
        return String.format("fan%02d", i);
    }

    static NodeCommand cmd(String node, String... argv) {
        return new NodeCommand(node, List.of(argv), false, 5);
    }

    static void assertRan(NodeAnswer answer, int exit, String stdout, String stderr) {
        assertEquals(GatherStatus.OK, answer.status(), () -> "status, reason: " + answer.reason());
        assertEquals(exit, answer.exitCode(), "exit");
        assertEquals(stdout, answer.stdout(), "stdout");
        assertEquals(stderr, answer.stderr(), "stderr");
    }

    static void assertFailed(NodeAnswer answer, GatherStatus status, String... reasonParts) {
        assertEquals(status, answer.status(), () -> "status, reason: " + answer.reason());
        for (String part : reasonParts) {
            assertTrue(answer.reason().contains(part), () -> "reason should name " + part + ": " + answer.reason());
        }
        assertFalse(answer.reason().contains("\n"), "reason is one line");
    }

    SshSettings settings(Path knownHosts, Path identity, boolean acceptNew) {
        return new SshSettings(knownHosts, List.of(identity), acceptNew, Duration.ofSeconds(10), Duration.ofSeconds(2), 8);
    }

    @Test
    void sysctlsAndFilesAreAnswered() {
        assertRan(gateway.run(cmd("node0", "sysctl", "-n", "net.ipv4.conf.all.rp_filter")), 0, "0\n", "");
        assertRan(gateway.run(cmd("node0", "sysctl", "-a", "--pattern", "rp_filter$")), 0,
                "net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.lxc3c160d6c7aa0.rp_filter = 2\n", "");
        assertRan(gateway.run(cmd("node0", "sysctl", "net.ipv4.conf.eth0.rp_filter")), 255, "",
                "sysctl: cannot stat /proc/sys/net/ipv4/conf/eth0/rp_filter: No such file or directory\n");
        assertRan(gateway.run(cmd("node0", "cat", "/etc/sysctl.d/10-network-security.conf")), 0,
                "net.ipv4.conf.all.rp_filter=2\n", "");
        assertRan(gateway.run(cmd("node0", "cat", "/etc/nope")), 1, "", "cat: /etc/nope: No such file or directory\n");
    }

    @Test
    void scriptedCommandsKeepExitCodeAndStderr() {
        NodeCommand withSudo = new NodeCommand("node0", List.of("ip", "route", "get", "10.0.0.113"), true, 5);
        assertRan(gateway.run(withSudo), 0, "10.0.0.113 dev cilium_host src 10.0.0.253 uid 0\n", "");
        assertRan(gateway.run(cmd("node0", "journalctl", "-k", "--since", "-1h")), 0, "kernel: IPv4: martian source\n", "");
        assertRan(gateway.run(cmd("node0", "crictl", "inspect", "broken")), 1, "", "FATA[0000] no such container\n");
    }

    @Test
    void commandsOutsideTheScenarioAreExit127AndListed() {
        assertRan(gateway.run(cmd("node0", "crictl", "ps")), 127, "", "ktriage: command not in scenario\n");
        NodeCommand hostile = cmd("node0", "grep", "-e", "$(reboot);x", "/etc/hosts");
        assertRan(gateway.run(hostile), 127, "", "ktriage: command not in scenario\n");
        assertTrue(lab.unansweredCommands().contains("node0: crictl ps"), () -> lab.unansweredCommands().toString());
        assertTrue(lab.unansweredCommands().contains("node0: grep -e '$(reboot);x' /etc/hosts"), () -> lab.unansweredCommands().toString());
        assertTrue(lab.commandCount() >= 2);
    }

    @Test
    void unreachableNodeFailsAndOthersKeepWorking() {
        assertFailed(gateway.run(cmd("node1", "sysctl", "-n", "kernel.hostname")), GatherStatus.UNREACHABLE, "node1");
        assertRan(gateway.run(cmd("node0", "sysctl", "-n", "net.ipv4.conf.all.rp_filter")), 0, "0\n", "");
        assertFailed(gateway.run(cmd("node1", "sysctl", "-n", "kernel.hostname")), GatherStatus.UNREACHABLE, "node1");
    }

    @Test
    void unknownNodeFails() {
        assertFailed(gateway.run(cmd("ghost", "hostname")), GatherStatus.UNREACHABLE, "ghost");
    }

    @Test
    void aUserThatIsNotALabNodeIsRefused() {
        NodeResolver intruder = node -> Optional.of(new NodeAddress("127.0.0.1", lab.port(), "intruder"));
        try (SshNodeGateway g = new SshNodeGateway(settings(lab.knownHostsFile(), lab.identityFile(), false), intruder)) {
            assertFailed(g.run(cmd("node0", "hostname")), GatherStatus.REFUSED, "authentication failed for intruder@127.0.0.1");
        }
    }

    @Test
    void aKeyTheLabDidNotIssueIsRefused(@TempDir Path other) throws IOException {
        try (LabSshServer otherLab = LabSshServer.start(Map.of(), other);
             SshNodeGateway g = new SshNodeGateway(settings(lab.knownHostsFile(), otherLab.identityFile(), false),
                     LabNodeResolver.of(lab))) {
            assertFailed(g.run(cmd("node0", "hostname")), GatherStatus.REFUSED, "authentication failed for node0@127.0.0.1");
        }
    }

    @Test
    void aChangedHostKeyIsRefusedLoudly(@TempDir Path other) throws IOException {
        Path tampered = other.resolve("known_hosts");
        try (LabSshServer otherLab = LabSshServer.start(Map.of(), other.resolve("other"))) {
            // the other lab's host key, filed under this lab's address: what a man in the middle looks like
            String line = Files.readString(otherLab.knownHostsFile()).replace(":" + otherLab.port() + " ", ":" + lab.port() + " ");
            Files.writeString(tampered, line);
        }
        try (SshNodeGateway g = new SshNodeGateway(settings(tampered, lab.identityFile(), true), LabNodeResolver.of(lab))) {
            assertFailed(g.run(cmd("node0", "hostname")), GatherStatus.REFUSED, "HOST KEY MISMATCH", "node0", "SHA256:");
        }
    }

    @Test
    void anUnknownHostIsRefusedUnlessAcceptingNewKeys(@TempDir Path other) throws IOException {
        Path knownHosts = other.resolve("ssh").resolve("known_hosts");
        try (SshNodeGateway strict = new SshNodeGateway(settings(knownHosts, lab.identityFile(), false), LabNodeResolver.of(lab))) {
            assertFailed(strict.run(cmd("node0", "hostname")), GatherStatus.REFUSED, "node0", "not in");
        }
        assertFalse(Files.exists(knownHosts));

        try (SshNodeGateway trusting = new SshNodeGateway(settings(knownHosts, lab.identityFile(), true), LabNodeResolver.of(lab))) {
            List<NodeAnswer> answers = trusting.runAll(List.of(cmd("node0", "sysctl", "-n", "net.ipv4.conf.all.rp_filter"),
                    cmd(fanNode(1), "hostname"), cmd(fanNode(2), "hostname"), cmd(fanNode(3), "hostname")));
            assertRan(answers.get(0), 0, "0\n", "");
            assertRan(answers.get(3), 0, fanNode(3) + "\n", "");
        }
        List<String> lines = Files.readAllLines(knownHosts);
        // every lab node shares one address and key: it is recorded once
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("[127.0.0.1]:" + lab.port() + " ssh-ed25519 "), lines::toString);

        try (SshNodeGateway strictAgain = new SshNodeGateway(settings(knownHosts, lab.identityFile(), false), LabNodeResolver.of(lab))) {
            assertRan(strictAgain.run(cmd("node0", "sysctl", "-n", "net.ipv4.conf.all.rp_filter")), 0, "0\n", "");
        }
    }

    @Test
    void aSlowCommandEndsAtTheRemoteTimeout() {
        long start = System.nanoTime();
        NodeAnswer answer = gateway.run(new NodeCommand("node0", List.of("uptime"), false, 1));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (answer.status() == GatherStatus.OK) {
            assertRan(answer, 124, "", "");
        } else {
            assertFailed(answer, GatherStatus.TIMEOUT, "node0");
        }
        assertTrue(ms < 4500, "bounded by timeout + grace, took " + ms + " ms");
    }

    @Test
    void runAllFansOutAndAnswersInInputOrder() {
        List<NodeCommand> commands = new ArrayList<>();
        for (int i = FAN_OUT_NODES - 1; i >= 0; i--) commands.add(cmd(fanNode(i), "hostname"));
        commands.add(cmd("node1", "hostname"));
        commands.add(cmd("ghost", "hostname"));
        List<NodeAnswer> answers = gateway.runAll(commands);
        assertEquals(commands.size(), answers.size());
        for (int i = 0; i < FAN_OUT_NODES; i++) {
            assertRan(answers.get(i), 0, commands.get(i).node() + "\n", "");
        }
        assertEquals(GatherStatus.UNREACHABLE, answers.get(FAN_OUT_NODES).status());
        assertEquals(GatherStatus.UNREACHABLE, answers.get(FAN_OUT_NODES + 1).status());
    }

    @Test
    void manyCommandsOnOneNodeShareItsConnection() {
        List<NodeCommand> commands = new ArrayList<>();
        for (int i = 0; i < 20; i++) commands.add(cmd(fanNode(7), "hostname"));
        for (NodeAnswer answer : gateway.runAll(commands)) assertRan(answer, 0, fanNode(7) + "\n", "");
    }

    @Test
    void aClosedGatewayAnswersWithFailuresInsteadOfThrowing() {
        SshNodeGateway closed = LabNodeGateway.open(lab);
        closed.close();
        assertFailed(closed.run(cmd("node0", "hostname")), GatherStatus.ERROR, "closed");
        List<NodeAnswer> answers = closed.runAll(List.of(cmd("node0", "hostname"), cmd(fanNode(0), "hostname")));
        assertEquals(2, answers.size());
        answers.forEach(a -> assertFailed(a, GatherStatus.ERROR, "closed"));
    }

    @Test
    void hugeOutputIsCappedAndSaysSo() {
        NodeAnswer answer = gateway.run(cmd("node0", "dmesg"));
        assertEquals(GatherStatus.OK, answer.status(), answer::toString);
        assertEquals(0, answer.exitCode());
        assertEquals(RemoteCommandRun.STDOUT_CAP, answer.stdout().length());
        assertTrue(answer.stderr().contains("stdout truncated to 4194304 of 5242880 bytes"), answer.stderr());
    }
}
