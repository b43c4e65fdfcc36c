package dev.ktriage.lab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.lab.LabFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void loadsEveryPartOfAScenario() {
        Scenario s = ScenarioLoader.load(LabFixtures.dir("basic"));

        assertEquals("basic", s.name());
        List<String> kinds = s.objects().stream().map(o -> o.get("kind").asText()).toList();
        // Multi-document objects and the items of the trailing kind: List, flattened in file order.
        assertEquals(20, s.objects().size());
        assertEquals("Namespace", kinds.get(0));
        assertEquals(List.of("ConfigMap", "Deployment"), kinds.subList(18, 20));
        assertFalse(kinds.contains("List"));
        ObjectNode pod = s.objects().stream().filter(o -> o.path("metadata").path("name").asText().equals("coredns-abc")).findFirst().orElseThrow();
        assertEquals("4f1c2a9e-0000-4000-8000-000000000001", pod.path("metadata").path("uid").asText(), "objects are kept as given");

        assertEquals("panic: crashed\n", s.logs().get(new LogKey("kube-system", "coredns-abc", "coredns", true)).lines().reduce((a, b) -> b).orElse("") + "\n");
        assertTrue(s.logs().containsKey(new LogKey("default", "web-1", "sidecar", false)));
        assertEquals(4, s.logs().size());

        assertEquals(3, s.raw().size());
        assertEquals(503, s.raw().get(1).status());
        assertTrue(s.raw().get(1).body().isTextual());
        assertEquals(200, s.raw().get(0).status());
        assertTrue(s.raw().get(0).body().isObject());

        NodeSpec node0 = s.nodes().get("node0");
        assertEquals("0", node0.sysctls().get("net.ipv4.conf.all.rp_filter"), "numbers in sysctls are read as strings");
        assertEquals("4096", node0.sysctls().get("net.core.somaxconn"));
        assertEquals("1.10", node0.sysctls().get("kernel.version_like"), "kept as written, not as the number 1.1");
        assertTrue(node0.files().get("/etc/sysctl.d/10-network-security.conf").contains("rp_filter=2"));
        assertTrue(node0.commands().get(0).matches("ip route get 10.0.0.113"));
        assertTrue(node0.commands().get(1).matches("journalctl -k --since today"));
        assertEquals(5, node0.commands().get(1).delayMs());
        assertTrue(s.nodes().get("node1").unreachable());

        Expectation e = s.expect().orElseThrow();
        assertEquals("failing-probes", e.playbook());
        assertEquals("kube-system/coredns-abc", e.set().get("pod"));
        assertEquals("node-drops-probe-replies-rp-filter", e.diagnosis());
    }

    @Test
    void aListOnlyClusterFileIsFlattened() throws IOException {
        Path dir = scenario("""
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: default}}
                - {apiVersion: v1, kind: Pod, metadata: {name: b, namespace: default}}
                """);
        Scenario s = ScenarioLoader.load(dir);
        assertEquals(List.of("a", "b"), s.objects().stream().map(o -> o.path("metadata").path("name").asText()).toList());
        assertTrue(s.expect().isEmpty());
        assertTrue(s.nodes().isEmpty());
    }

    /** The lab serves objects as JSON: each scalar as the type YAML gives it, every key in file order. */
    @Test
    void clusterObjectsKeepTheTypesOfTheirValues() throws IOException {
        Path dir = scenario("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, namespace: default}
                data: {port: "8080", enabled: "true"}
                ---
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: p, namespace: default}
                  spec:
                    priority: 0x10
                    hostNetwork: yes
                    overhead: {cpu: 1.10}
                    nodeName: ~
                    containers: [{name: app, ports: [{containerPort: 8080}]}]
                """);
        List<ObjectNode> objects = ScenarioLoader.load(dir).objects();
        assertEquals(2, objects.size(), "the empty document is skipped, the List flattened");
        assertEquals("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\",\"namespace\":\"default\"},"
                + "\"data\":{\"port\":\"8080\",\"enabled\":\"true\"}}", objects.get(0).toString());
        assertEquals("{\"priority\":16,\"hostNetwork\":true,\"overhead\":{\"cpu\":1.10},\"nodeName\":null,"
                + "\"containers\":[{\"name\":\"app\",\"ports\":[{\"containerPort\":8080}]}]}", objects.get(1).get("spec").toString());
    }

    @Test
    void missingFolderOrClusterFileIsOneLine() throws IOException {
        ScenarioException noDir = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(tmp.resolve("nope")));
        assertEquals(tmp.resolve("nope") + ": scenario folder not found", noDir.getMessage());

        Files.createDirectories(tmp.resolve("empty"));
        ScenarioException noCluster = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(tmp.resolve("empty")));
        assertTrue(noCluster.getMessage().startsWith(tmp.resolve("empty/cluster.yaml") + ": missing"), noCluster.getMessage());
        assertFalse(noCluster.getMessage().contains("\n"));
    }

    @Test
    void unknownNodeKeyNamesFileLineAndColumn() throws IOException {
        Path dir = scenario(MINIMAL);
        write(dir.resolve("nodes/node0.yaml"), """
                files:
                  /etc/hosts: "127.0.0.1 localhost"
                sysctl:
                  net.ipv4.ip_forward: 1
                """);
        assertError(dir, "nodes/node0.yaml:3:1: unknown key 'sysctl' (expected one of: sysctls, files, commands, unreachable)");
    }

    @Test
    void unknownCommandKeyIsReportedWhereItIsWritten() throws IOException {
        Path dir = scenario(MINIMAL);
        write(dir.resolve("nodes/node0.yaml"), """
                commands:
                  - run: "uname -r"
                    stdot: "6.1\\n"
                """);
        assertError(dir, "nodes/node0.yaml:3:5: unknown key 'stdot' (expected one of: run, match, stdout, stderr, exit, delayMs)");
    }

    @Test
    void commandNeedsExactlyOneOfRunAndMatch() throws IOException {
        Path dir = scenario(MINIMAL);
        write(dir.resolve("nodes/node0.yaml"), """
                commands:
                  - run: "uname -r"
                    match: "^uname.*"
                """);
        assertError(dir, "nodes/node0.yaml:2:5: command has both 'run' and 'match' (give exactly one)");

        write(dir.resolve("nodes/node0.yaml"), """
                commands:
                  - stdout: "x"
                """);
        assertError(dir, "nodes/node0.yaml:2:5: command needs 'run' or 'match'");
    }

    @Test
    void wrongTypesAreErrors() throws IOException {
        Path dir = scenario(MINIMAL);
        write(dir.resolve("nodes/node0.yaml"), """
                unreachable: "yes"
                """);
        assertError(dir, "nodes/node0.yaml:1:1: 'unreachable' must be true or false, not a string");

        write(dir.resolve("nodes/node0.yaml"), """
                commands:
                  - run: "ls"
                    exit: one
                """);
        assertError(dir, "nodes/node0.yaml:3:5: 'exit' must be an integer, not a string");

        write(dir.resolve("nodes/node0.yaml"), """
                commands:
                  run: "ls"
                """);
        assertError(dir, "nodes/node0.yaml:1:1: 'commands' must be a list, not a mapping");
        Files.delete(dir.resolve("nodes/node0.yaml"));

        write(dir.resolve("raw.yaml"), """
                - path: /livez
                  status: "ok"
                """);
        assertError(dir, "raw.yaml:2:3: 'status' must be an integer, not a string");

        write(dir.resolve("raw.yaml"), """
                - path: /livez
                  delayMs: 20000
                """);
        assertError(dir, "raw.yaml:2:3: 'delayMs' needs a 'body'");
    }

    @Test
    void clusterObjectsNeedApiVersionKindAndName() throws IOException {
        assertError(scenario("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: ok
                  namespace: default
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  namespace: default
                """), "cluster.yaml:9:1: Pod without 'metadata.name'");

        assertError(scenario("""
                kind: Pod
                metadata: {name: a}
                """), "cluster.yaml:1:1: object without 'apiVersion'");

        assertError(scenario("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  metadata: {name: a}
                """), "cluster.yaml:4:3: object without 'kind'");
    }

    @Test
    void knownKindsMustBeScopedAsOnACluster() throws IOException {
        assertError(scenario("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: a
                """), "cluster.yaml:3:1: Pod 'a' without 'metadata.namespace' (pods are namespaced)");
        assertError(scenario("""
                apiVersion: v1
                kind: Node
                metadata:
                  name: node0
                  namespace: default
                """), "cluster.yaml:5:3: Node 'node0' has a namespace, but nodes are cluster-scoped");
    }

    @Test
    void duplicateKeysAndObjectsAreErrors() throws IOException {
        assertError(scenario("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: a
                  name: b
                  namespace: default
                """), "cluster.yaml:5:3: duplicate key 'name'");

        assertError(scenario("""
                apiVersion: v1
                kind: Pod
                metadata: {name: a, namespace: default}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: a, namespace: default}
                """), "cluster.yaml:5:1: duplicate Pod default/a");
    }

    @Test
    void expectAndRawAreStrictToo() throws IOException {
        Path dir = scenario(MINIMAL);
        write(dir.resolve("expect.yaml"), """
                playbook: failing-probes
                diagnoses: none
                """);
        assertError(dir, "expect.yaml:2:1: unknown key 'diagnoses' (expected one of: playbook, set, answers, diagnosis, mustNotReach, confidence, mustNotSay, mustSay, conclusion)");
        write(dir.resolve("expect.yaml"), """
                playbook: failing-probes
                diagnosis: probe-wrong-port
                confidence: sure
                """);
        assertError(dir, "expect.yaml:3:1: confidence is high, medium or low");
        write(dir.resolve("expect.yaml"), """
                playbook: failing-probes
                diagnosis: none
                confidence: high
                """);
        assertError(dir, "expect.yaml:3:1: 'confidence' needs a diagnosis to expect");
        write(dir.resolve("expect.yaml"), """
                playbook: failing-probes
                diagnosis: none
                conclusion: fine
                """);
        assertError(dir, "expect.yaml:3:1: conclusion is diagnosed, healthy or could-not-tell");
        write(dir.resolve("expect.yaml"), """
                playbook: failing-probes
                diagnosis: probe-wrong-port
                conclusion: healthy
                """);
        assertError(dir, "expect.yaml:3:1: conclusion 'healthy' does not go with diagnosis 'probe-wrong-port' (healthy and could-not-tell reach none)");
        write(dir.resolve("expect.yaml"), """
                playbook: failing-probes
                diagnosis: none
                conclusion: diagnosed
                """);
        assertError(dir, "expect.yaml:3:1: conclusion 'diagnosed' does not go with diagnosis 'none' (a diagnosed run reaches a diagnosis)");
        Files.delete(dir.resolve("expect.yaml"));

        write(dir.resolve("raw.yaml"), """
                - path: /livez
                  bdy: ok
                """);
        assertError(dir, "raw.yaml:2:3: unknown key 'bdy' (expected one of: path, status, body, delayMs)");
    }

    @Test
    void invalidYamlAndBadRegexAreLocated() throws IOException {
        Path dir = scenario(MINIMAL);
        write(dir.resolve("nodes/node0.yaml"), """
                commands:
                  - match: "^ip (route"
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("nodes/node0.yaml") + ":2:5: invalid regex"), e.getMessage());

        write(dir.resolve("nodes/node0.yaml"), "sysctls: [a, b\nfiles: {}\n");
        e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir));
        assertTrue(e.getMessage().matches(".*node0\\.yaml:\\d+:\\d+: malformed YAML: .*"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void misplacedLogFileIsAnError() throws IOException {
        Path dir = scenario(MINIMAL);
        write(dir.resolve("logs/default/app.log"), "x\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("logs/default/app.log") + ": unexpected file"), e.getMessage());
    }

    private static final String MINIMAL = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: default
            """;

    private Path scenario(String clusterYaml) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "scenario");
        write(dir.resolve("cluster.yaml"), clusterYaml);
        return dir;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void assertError(Path dir, String expectedSuffix) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir));
        assertEquals(dir.resolve(expectedSuffix.substring(0, expectedSuffix.indexOf(':'))) + expectedSuffix.substring(expectedSuffix.indexOf(':')),
                e.getMessage());
    }
}
