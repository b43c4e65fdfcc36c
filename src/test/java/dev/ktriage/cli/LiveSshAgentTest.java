package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.lab.Lab;
import dev.ktriage.lab.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ktriage run` in live mode logging in to the lab's node with a key only a real ssh-agent holds
 * (Debian's ssh-agent, the lab's key loaded with ssh-add), the agent named by the ssh config's
 * IdentityAgent; and the same config with {@code IdentityAgent none}, which keeps the agent out.
 */
class LiveSshAgentTest {

    static final Path SSH_AGENT = Path.of("/usr/bin/ssh-agent");
    static final Path SSH_ADD = Path.of("/usr/bin/ssh-add");

    @TempDir
    Path tmp;

    private Lab lab;
    private Process agent;
    private Path socket;
    private Path config;

    @BeforeEach
    void start() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(SSH_AGENT) && Files.isExecutable(SSH_ADD),
                "ssh-agent tests skipped: " + SSH_AGENT + " or " + SSH_ADD + " is missing (apt-get install openssh-client; .ci/run does)");
        lab = Lab.start(ScenarioLoader.load(RunCommandTest.SEED), tmp.resolve("lab"));
        Matcher m = Pattern.compile("(?m)^\\s*Port (\\d+)$").matcher(Files.readString(lab.sshConfig()));
        assertTrue(m.find(), "the lab's ssh_config names its port");
        // the key moves into the agent: no file of it is left where ktriage could read it
        Path key = Files.move(tmp.resolve("lab/id_ed25519"), tmp.resolve("agent-only-key"));
        socket = tmp.resolve("agent.sock");
        agent = new ProcessBuilder(SSH_AGENT.toString(), "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("agent.log").toFile()).start();
        for (int i = 0; i < 500 && !Files.exists(socket); i++) Thread.sleep(10);
        assertTrue(Files.exists(socket), "ssh-agent listens on " + socket);
        ProcessBuilder add = new ProcessBuilder(SSH_ADD.toString(), key.toString()).redirectErrorStream(true);
        add.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process p = add.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "ssh-add: " + out);
        Files.delete(key);
        config = tmp.resolve("ssh_config");
        Files.writeString(config, """
                Host node0
                    HostName 127.0.0.1
                    Port %s
                    User node0
                    UserKnownHostsFile %s
                    IdentityFile %s
                    IdentityAgent %s
                """.formatted(m.group(1), tmp.resolve("lab/known_hosts"), tmp.resolve("no-such-key"), socket));
    }

    @AfterEach
    void stop() {
        if (agent != null) agent.destroy();
        if (lab != null) lab.close();
    }

    private Cli run() {
        return Cli.run("run", "failing-probes", "--kubeconfig", lab.kubeconfig().toString(), "--ssh-config", config.toString(),
                "--set", "pod=kube-system/coredns-749558f7dd-w6jdj", "--output", "json", "--transcript", tmp.resolve("t.jsonl").toString());
    }

    @Test
    void theAgentNamedByIdentityAgentLogsInToTheNode() throws IOException {
        Cli r = run();
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = r.json();
        assertEquals("rp-filter-strict-on-cni-device", j.get("diagnoses").get(0).get("id").asText(), r.out());
        j.get("steps").forEach(s -> assertEquals("done", s.get("status").asText(), s.toString()));
        String transcript = Files.readString(tmp.resolve("t.jsonl"));
        assertTrue(!transcript.contains("PRIVATE KEY") && !transcript.contains(socket.toString()), "nothing about the key is recorded");
    }

    @Test
    void identityAgentNoneKeepsTheAgentOutAndTheNodeStepsAreInconclusive() throws IOException {
        Files.writeString(config, Files.readString(config).replace("IdentityAgent " + socket, "IdentityAgent none"));
        Cli r = run();
        assertEquals(2, r.exit(), r.toString());
        List<String> reasons = r.json().get("steps").findValues("reason").stream().map(JsonNode::asText).filter(t -> !t.equals("null")).toList();
        assertTrue(reasons.stream().anyMatch(t -> t.contains("authentication failed for node0@127.0.0.1") && !t.contains("ssh-agent")),
                reasons.toString());
    }
}
