package dev.ktriage.gateway.node;

import dev.ktriage.engine.Outcome;
import dev.ktriage.engine.SessionEngine;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.engine.StepStatus;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.lab.Lab;
import dev.ktriage.lab.scenario.ScenarioLoader;
import dev.ktriage.playbook.ExtractorRegistry;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.PlaybookFile;
import dev.ktriage.transcript.TranscriptWriter;
import dev.ktriage.ui.batch.BatchOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile cluster values on their way to a real node, and secrets on their way to a transcript:
 * a lab cluster whose annotations, labels and event messages carry shell syntax, a real OpenSSH
 * node that would run it, and a marker file that must never appear.
 */
class HostileInputOpenSshTest {

    @TempDir
    static Path dir;
    static Path clientKey;
    static OpenSshd node;
    static Path marker;
    /** Where the playbook reads the node's IMDS answer: under the read roots, answered by the node's script. */
    static final String IMDS_PATH = "/run/ktriage-test/imds.json";

    @BeforeAll
    static void start() throws IOException {
        Optional<String> why = OpenSshd.unavailable();
        Assumptions.assumeTrue(why.isEmpty(), () -> "real OpenSSH tests skipped: " + why.orElse(""));
        clientKey = OpenSshd.keygen(dir.resolve("client"), "id_ed25519");
        marker = dir.resolve("pwned");
        // the node answers `cat IMDS_PATH` from a file of the test's (IMDS credentials, made up) and
        // runs everything else as sent, through the login shell as sshd always does
        Path imds = dir.resolve("imds.json");
        Files.writeString(imds, dev.ktriage.Seeds.imdsBlock());
        Path answers = dir.resolve("node-answers.sh");
        Files.writeString(answers, """
                #!/bin/sh
                case "$SSH_ORIGINAL_COMMAND" in
                  *" cat %s") exec cat '%s' ;;
                esac
                exec /bin/sh -c "$SSH_ORIGINAL_COMMAND"
                """.formatted(IMDS_PATH, imds));
        answers.toFile().setExecutable(true);
        node = OpenSshd.start(dir.resolve("node"), clientKey, "ForceCommand " + answers);
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    /** Every way a shell could be talked into running {@code touch MARKER}. */
    static List<String> hostile() {
        String m = marker.toString();
        return List.of("$(touch " + m + ")", "`touch " + m + "`", "x; touch " + m, "x | touch " + m, "x && touch " + m,
                "' ; touch " + m + " ; '", "\" ; touch " + m + " ; \"", "x\ntouch " + m, "$(IFS=,;touch${IFS}" + m + ")",
                "lxc$(touch " + m + ")", "-n; touch " + m);
    }

    private SshNodeGateway gateway(Map<String, NodeAddress> nodes) throws IOException {
        return gateway(nodes, false);
    }

    /** {@code anyCommand}: past the allow-list, to test the quoting beneath it with printf. */
    private SshNodeGateway gateway(Map<String, NodeAddress> nodes, boolean anyCommand) throws IOException {
        Path known = dir.resolve("known_hosts");
        Files.writeString(known, node.knownHostsLine() + "\n");
        SshSettings settings = new SshSettings(known, List.of(clientKey), false, Duration.ofSeconds(20), Duration.ofSeconds(10));
        NodeResolver resolver = n -> Optional.ofNullable(nodes.get(n));
        return anyCommand ? TransportOnly.gateway(settings, resolver) : new SshNodeGateway(settings, resolver);
    }

    private static NodeAddress real() {
        return new NodeAddress("127.0.0.1", node.port(), OpenSshd.user());
    }

    @Test
    void everyHostileValueReachesTheNodeAsOneLiteralArgument() throws IOException {
        // the allow-list refuses these values in every typed position; this is the quoting beneath it
        try (SshNodeGateway g = gateway(Map.of("n1", real()), true)) {
            for (String value : hostile()) {
                // printf prints its argument back: the node saw exactly this one word, nothing ran
                NodeAnswer a = g.run(new NodeCommand("n1", List.of("printf", "%s", value), false, 20));
                assertEquals(GatherStatus.OK, a.status(), a::toString);
                assertEquals(0, a.exitCode(), a::toString);
                assertEquals(value, a.stdout(), "round trip of " + value);
            }
        }
        assertFalse(Files.exists(marker), "a hostile value ran on the node");
    }

    @Test
    void aSessionOverHostileClusterValuesRefusesThemGoesOnAndWritesNoCredential() throws IOException {
        Path scenario = Files.createDirectories(dir.resolve("scenario"));
        Files.writeString(scenario.resolve("cluster.yaml"), cluster());
        PlaybookCatalog catalog = PlaybookCatalog.load(List.of(new PlaybookFile("hostile.yaml", PLAYBOOK, "test")),
                ExtractorRegistry.fromClassLoader(getClass().getClassLoader()));
        Path transcript = dir.resolve("session.jsonl");
        Map<String, NodeAddress> nodes = new LinkedHashMap<>();
        nodes.put("node0", real());
        nodes.put("node-down", new NodeAddress("127.0.0.1", SshNodeGatewayOpenSshTest.closedPort(), OpenSshd.user()));
        SessionResult result;
        try (Lab lab = Lab.start(ScenarioLoader.load(scenario), dir.resolve("lab"));
             ClusterGateway cluster = lab.clusterGateway(Duration.ofSeconds(10));
             SshNodeGateway nodeGateway = gateway(nodes);
             TranscriptWriter writer = new TranscriptWriter(transcript, Clock.systemUTC(), "test")) {
            SessionEngine engine = new SessionEngine(catalog, cluster, nodeGateway, new BatchOperator(Map.of()),
                    SessionListener.all(writer), "default");
            result = engine.run("hostile", Map.of("pod", "default/web-1", "node", "node0", "down", "node-down", "imds", IMDS_PATH));
        }
        Map<String, StepRecord> steps = result.steps().stream().collect(Collectors.toMap(StepRecord::id, s -> s));
        for (String refused : List.of("iface", "label", "message")) {
            StepRecord s = steps.get(refused);
            assertEquals(StepStatus.INCONCLUSIVE, s.status(), s::toString);
            assertTrue(s.reason().contains("refusing to pass the cluster value"), s.reason());
        }
        StepRecord down = steps.get("unreachable");
        assertEquals(StepStatus.INCONCLUSIVE, down.status(), down::toString);
        assertTrue(down.reason().contains("node-down"), down.reason());
        assertEquals(StepStatus.DONE, steps.get("imds").status(), steps.get("imds")::toString);
        assertEquals(Outcome.DIAGNOSED, result.outcome(), "the session went on to the last step: " + result);
        assertEquals("reached-the-end", result.diagnoses().get(0).id());
        assertFalse(Files.exists(marker), "a hostile value ran on the node");

        String written = Files.readString(transcript);
        assertTrue(written.contains("AWS-HMAC"), "the IMDS answer came back from the node and was recorded");
        for (String secret : List.of("holyMoly", "It'sreal..", "Mamma Mia!!")) {
            assertFalse(written.contains(secret), "transcript holds " + secret);
        }
    }

    private static String cluster() {
        String m = marker.toString();
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-1
                  namespace: default
                  labels: {app: "a;touch %1$s|b"}
                  annotations: {iface: "lxc$(touch %1$s)"}
                spec: {nodeName: node0, containers: [{name: web, image: nginx}]}
                status: {phase: Running, podIP: 10.0.0.7}
                ---
                apiVersion: v1
                kind: Event
                metadata: {name: hostile, namespace: default}
                involvedObject: {kind: Pod, name: web-1, namespace: default}
                reason: Unhealthy
                message: "10.0.0.7`touch %1$s`\\n$(touch %1$s)"
                type: Warning
                """.formatted(m);
    }

    private static final String PLAYBOOK = """
            version: 2
            id: hostile
            title: Hostile values on their way to nodes
            description: test
            inputs:
              - {id: pod, kind: pod, description: the pod}
              - {id: node, kind: node, description: a real node}
              - {id: down, kind: node, description: a node that is down}
              - {id: imds, kind: text, description: a file with IMDS credentials}
            steps:
              - id: read-pod
                title: read the pod
                explain: x
                gather: {cluster: {get: pods, namespace: "${pod.namespace}", name: "${pod.name}"}}
                let:
                  iface: "response.body.metadata.annotations.iface"
                  label: "response.body.metadata.labels.app"
                next: [{goto: iface}]
              - id: iface
                title: an interface name from an annotation
                explain: x
                gather: {node: {on: "${node}", run: "sysctl -n net.ipv4.conf.${iface}.rp_filter"}}
                onFailure: label
                next: [{goto: label}]
              - id: label
                title: a label value
                explain: x
                gather: {node: {on: "${node}", run: "cat ${label}"}}
                onFailure: read-event
                next: [{goto: read-event}]
              - id: read-event
                title: read the event
                explain: x
                gather: {cluster: {get: events, namespace: default, name: hostile}}
                let: {message: "response.body.message"}
                next: [{goto: message}]
              - id: message
                title: an event message
                explain: x
                gather: {node: {on: "${node}", run: "ip route get ${message}"}}
                onFailure: unreachable
                next: [{goto: unreachable}]
              - id: unreachable
                title: a node that is down
                explain: x
                gather: {node: {on: "${down}", run: "sysctl -n kernel.ostype"}}
                onFailure: imds
                next: [{goto: imds}]
              - id: imds
                title: credentials in a node's answer
                explain: x
                gather: {node: {on: "${node}", run: "cat ${imds}"}}
                next: [{finding: read, says: "read", goto: kernel}]
              - id: kernel
                title: the session is still going
                explain: x
                gather: {node: {on: "${node}", run: "sysctl -n kernel.ostype"}}
                extract: {os: {regex: "^(\\\\w+)"}}
                next:
                  - when: "os == 'Linux'"
                    finding: linux
                    says: "still going"
                    diagnose: reached-the-end
            diagnoses:
              - id: reached-the-end
                title: The session reached its last step
                confidence: low
                summary: every refused or unreachable step was inconclusive and the session went on
                remedy: none
            """;
}
