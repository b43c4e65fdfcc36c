package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.lab.Lab;
import dev.ktriage.lab.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live-mode SSH flags, end to end: `ktriage run` against the lab's API server through a
 * kubeconfig, its node reached through an ssh config of our own that maps the node name to the
 * lab's SSH server (MINA sshd, where the login user picks the node and only the lab's key is let in).
 */
class LiveSshFlagsTest {

    static final Path SEED = RunCommandTest.SEED;
    static final String POD = "pod=kube-system/coredns-749558f7dd-w6jdj";

    @TempDir
    Path tmp;

    private Lab lab;
    private int port;
    private Path key;
    private String hostKey;

    @BeforeEach
    void startLab() throws IOException {
        lab = Lab.start(ScenarioLoader.load(SEED), tmp.resolve("lab"));
        Matcher m = Pattern.compile("(?m)^\\s*Port (\\d+)$").matcher(Files.readString(lab.sshConfig()));
        assertTrue(m.find(), "the lab's ssh_config names its port");
        port = Integer.parseInt(m.group(1));
        key = tmp.resolve("lab/id_ed25519");
        // "[127.0.0.1]:PORT ssh-ed25519 AAAA...": the key type and blob
        String[] known = Files.readString(tmp.resolve("lab/known_hosts")).trim().split("\\s+");
        hostKey = known[1] + " " + known[2];
    }

    @AfterEach
    void stopLab() {
        lab.close();
    }

    private Cli run(Path sshConfig, String... flags) {
        List<String> args = new ArrayList<>(List.of("run", "failing-probes", "--kubeconfig", lab.kubeconfig().toString(),
                "--ssh-config", sshConfig.toString(), "--set", POD, "--output", "json", "--transcript", tmp.resolve("t.jsonl").toString()));
        args.addAll(List.of(flags));
        return Cli.run(args.toArray(String[]::new));
    }

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** Steps that could not run (here: the node's, which reach node0 over SSH). */
    private static List<JsonNode> inconclusiveSteps(JsonNode report) {
        List<JsonNode> out = new ArrayList<>();
        report.get("steps").forEach(s -> {
            if (s.get("status").asText().equals("inconclusive")) out.add(s);
        });
        return out;
    }

    private static void assertDiagnosed(Cli r) {
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = r.json();
        assertEquals("diagnosed", j.get("outcome").asText(), r.out());
        assertEquals("rp-filter-strict-on-cni-device", j.get("diagnoses").get(0).get("id").asText(), r.out());
        j.get("steps").forEach(s -> assertEquals("done", s.get("status").asText(), s.toString()));
    }

    @Test
    void anUnknownHostKeyIsRefusedUntilSshAcceptNewThenItIsAppended() throws IOException {
        Path knownHosts = tmp.resolve("ssh/known_hosts");
        Path config = write("ssh/config", """
                Host node0
                    HostName 127.0.0.1
                    Port %d
                    User node0
                    IdentityFile %s
                    UserKnownHostsFile %s
                """.formatted(port, key, knownHosts));

        Cli refused = run(config);
        assertEquals(2, refused.exit(), refused.toString());
        JsonNode j = refused.json();
        assertEquals("inconclusive", j.get("outcome").asText(), refused.out());
        List<JsonNode> inconclusive = inconclusiveSteps(j);
        assertFalse(inconclusive.isEmpty(), refused.out());
        String reason = inconclusive.get(0).get("reason").asText();
        assertTrue(reason.contains("host key of node node0") && reason.contains("is not in " + knownHosts)
                && reason.contains("allow accepting new host keys"), reason);
        assertFalse(Files.exists(knownHosts) && Files.readString(knownHosts).contains(hostKey), "nothing was trusted");

        Cli accepted = run(config, "--ssh-accept-new");
        assertDiagnosed(accepted);
        List<String> lines = Files.readAllLines(knownHosts);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("[127.0.0.1]:" + port + " ") && lines.get(0).endsWith(hostKey), lines.get(0));

        // the key is known now: no flag needed, nothing appended
        assertDiagnosed(run(config));
        assertEquals(lines, Files.readAllLines(knownHosts));
    }

    @Test
    void hostUserPortIdentityFileIncludeAndMatchComeFromTheSshConfig() throws IOException {
        Path knownHosts = Files.copy(tmp.resolve("lab/known_hosts"), tmp.resolve("known_hosts"));
        Path ran = tmp.resolve("exec-ran");
        write("ssh/conf.d/10-node.conf", "Host node?\n    HostName 127.0.0.1\n    Port " + port + "\n");
        // Match host tests the HostName the file above set; originalhost the node's name
        write("ssh/conf.d/20-login.conf", "Match host 127.0.0.1 originalhost node* !user blocked-user,admin\n    User node0\n"
                + "    IdentityFile " + key + "\n");
        write("ssh/conf.d/30-ignored.txt", "Host *\n    Port 1\n");
        Path config = write("ssh/config", """
                Include %s/conf.d/*.conf
                Match exec "touch %s"
                    User exec-user
                    Port 1
                Host *
                    User nobody-there
                    UserKnownHostsFile %s
                """.formatted(tmp.resolve("ssh"), ran, knownHosts));

        Cli r = run(config);
        assertDiagnosed(r);
        assertFalse(Files.exists(ran), "Match exec was not run");
        assertEquals(1, r.err().lines().filter(l -> l.contains("Match exec is never run")).count(), r.err());
        assertTrue(r.err().contains(config + ":2 (exec)"), r.err());

        // the same config without the Include: no port, no key, the fallback user; the node cannot be reached
        Files.writeString(config, Files.readString(config).replace("Include", "# Include"));
        Cli without = run(config);
        assertEquals(2, without.exit(), without.toString());
        assertFalse(inconclusiveSteps(without.json()).isEmpty(), without.out());
    }

    @Test
    void sshUserOverridesTheConfigsUserAndIsWhatMatchUserSees() throws IOException {
        Path knownHosts = Files.copy(tmp.resolve("lab/known_hosts"), tmp.resolve("known_hosts"));
        Path config = write("ssh/config", """
                Host node0
                    HostName 127.0.0.1
                    Port %d
                    User intruder
                    UserKnownHostsFile %s
                Match user node0
                    IdentityFile %s
                """.formatted(port, knownHosts, key));

        Cli asConfigured = run(config);
        assertEquals(2, asConfigured.exit(), asConfigured.toString());
        String reason = inconclusiveSteps(asConfigured.json()).get(0).get("reason").asText();
        assertTrue(reason.contains("authentication failed for intruder@127.0.0.1"), reason);

        assertDiagnosed(run(config, "--ssh-user", "node0"));
    }

    @Test
    void aBrokenSshConfigIsOneLineNamingFileAndLine() throws IOException {
        Path config = write("ssh/config", "Host node0\n    Port 22\nMatch hots node0\n");
        Cli r = run(config);
        RunCommandTest.assertOneLineError(r, "ssh config " + config + ":3: unsupported Match criterion 'hots'");
        Path loop = write("ssh/loop", "Include " + tmp.resolve("ssh/loop") + "\n");
        RunCommandTest.assertOneLineError(run(loop), "ssh config " + loop + ":1: Include nested more than 16 deep");
    }
}
