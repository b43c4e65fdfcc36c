package dev.ktriage.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;

/**
 * Bench-only generator of lab scenarios and playbooks (written to a temp folder, never committed).
 *
 * <pre>
 * Gen big SEED OUT PODS EVENTS NODES   a playbook's own scenario (SEED, with expect.yaml) buried in
 *                                      filler so the cluster holds PODS pods, EVENTS events, NODES nodes
 * Gen fleet OUT NODES DELAY_MS KEY [PLAYBOOK]   NODES nodes answering `sysctl -n KEY` after DELAY_MS
 *                                      (one odd node), for PLAYBOOK (default node-sysctl-drift)
 * Gen wide-drift PLAYBOOKS             bench-node-sysctl-drift: node-sysctl-drift with its node list
 *                                      limit raised from 500 to 5,000 (for the 1,000-node fan-out); its
 *                                      diagnosis is bench-sysctl-differs-across-nodes
 * Gen names OUT NODES                  NODES Node objects only (for real sshd endpoints)
 * Gen steps PLAYBOOKS SCENARIO STEPS   a loop-free playbook `bench-steps` with STEPS steps, and a lab for it
 * </pre>
 */
public final class Gen {

    private Gen() {
    }

    public static void main(String[] a) throws IOException {
        switch (a[0]) {
            case "big" -> big(Path.of(a[1]), Path.of(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]));
            case "fleet" -> fleet(Path.of(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]), a[4],
                    a.length > 5 ? a[5] : "node-sysctl-drift");
            case "names" -> names(Path.of(a[1]), Integer.parseInt(a[2]));
            case "wide-drift" -> wideDrift(Path.of(a[1]));
            case "steps" -> steps(Path.of(a[1]), Path.of(a[2]), Integer.parseInt(a[3]));
            default -> throw new IllegalArgumentException("unknown: " + a[0]);
        }
    }

    // ---- big: 5,000 pods, 50,000 events, 200 nodes around a seed incident

    static void big(Path seed, Path out, int pods, int events, int nodes) throws IOException {
        copyTree(seed, out);
        String seedYaml = Files.readString(seed.resolve("cluster.yaml"));
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("cluster.yaml"), StandardCharsets.UTF_8)) {
            w.write(seedYaml);
            if (!seedYaml.endsWith("\n")) w.write("\n");
            for (ObjectNode o : filler(seedYaml, pods, events, nodes)) doc(w, o.toString()); // JSON is YAML
        }
    }

    /** The objects that bring a seed scenario's cluster up to PODS pods, EVENTS events and NODES nodes. */
    public static List<ObjectNode> filler(String seedYaml, int pods, int events, int nodes) {
        return filler(count(seedYaml, "Pod"), count(seedYaml, "Event"), count(seedYaml, "Node"), pods, events, nodes);
    }

    /** The same, for a seed whose objects are already counted. */
    public static List<ObjectNode> filler(int seedPods, int seedEvents, int seedNodes, int pods, int events, int nodes) {
        int namespaces = 50;
        List<ObjectNode> out = new ArrayList<>();
        for (int n = 0; n < namespaces; n++) {
            out.add(obj("apiVersion", "v1", "kind", "Namespace", "metadata", m("name", ns(n)), "status", m("phase", "Active")));
        }
        int fillerNodes = Math.max(0, nodes - seedNodes);
        for (int i = 0; i < fillerNodes; i++) {
            out.add(obj("apiVersion", "v1", "kind", "Node",
                    "metadata", m("name", node(i), "labels", m("kubernetes.io/hostname", node(i), "node-role.kubernetes.io/worker", ""),
                            "creationTimestamp", "2026-11-01T00:00:00Z"),
                    "spec", m("podCIDR", "10.%d.%d.0/24".formatted(i / 250, i % 250)),
                    "status", m("addresses", List.of(m("type", "InternalIP", "address", "10.250.%d.%d".formatted(i / 250, i % 250))),
                            "conditions", List.of(m("type", "Ready", "status", "True", "reason", "KubeletReady")),
                            "nodeInfo", m("kubeletVersion", "v1.30.4", "kernelVersion", "6.1.0-27-amd64",
                                    "osImage", "Debian GNU/Linux 12 (bookworm)"))));
        }
        int fillerPods = Math.max(0, pods - seedPods);
        for (int i = 0; i < fillerPods; i++) {
            String image = "registry.example/app:1." + (i % 7);
            out.add(obj("apiVersion", "v1", "kind", "Pod",
                    "metadata", m("name", pod(i), "namespace", ns(i % namespaces), "uid", uid("p", i),
                            "labels", m("app", "app-" + (i / 10)), "creationTimestamp", "2026-11-20T10:00:00Z"),
                    "spec", m("nodeName", node(i % Math.max(1, fillerNodes)), "containers", List.of(m("name", "app", "image", image,
                            "ports", List.of(m("containerPort", 8080, "name", "http")),
                            "readinessProbe", m("httpGet", m("path", "/ready", "port", 8080), "timeoutSeconds", 1)))),
                    "status", m("phase", "Running", "podIP", "10.%d.%d.%d".formatted(100 + (i / 62500) % 100, (i / 250) % 250, 1 + i % 250),
                            "hostIP", "10.250.0.1", "conditions", List.of(m("type", "Ready", "status", "True")),
                            "containerStatuses", List.of(m("name", "app", "ready", true, "restartCount", 0, "image", image,
                                    "state", m("running", m("startedAt", "2026-11-20T10:00:05Z")))))));
        }
        int fillerEvents = Math.max(0, events - seedEvents);
        String[][] kinds = {
            {"Normal", "Scheduled", "Successfully assigned %s to %s"},
            {"Normal", "Pulled", "Container image \"registry.example/app\" already present on machine"},
            {"Normal", "Created", "Created container app"},
            {"Normal", "Started", "Started container app"},
            {"Warning", "Unhealthy", "Readiness probe failed: Get \"http://10.1.2.3:8080/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"},
            {"Warning", "BackOff", "Back-off restarting failed container app"},
            {"Normal", "Killing", "Stopping container app"},
            {"Warning", "FailedMount", "MountVolume.SetUp failed for volume \"config\" : configmap \"app-config\" not found"},
            {"Normal", "Pulling", "Pulling image \"registry.example/app\""},
            {"Normal", "SuccessfulCreate", "Created pod"}};
        for (int i = 0; i < fillerEvents; i++) {
            int p = i % Math.max(1, fillerPods);
            String[] k = kinds[i % kinds.length];
            String nodeName = node(p % Math.max(1, fillerNodes));
            String message = k[1].equals("Scheduled") ? k[2].formatted(ns(p % namespaces) + "/" + pod(p), nodeName) : k[2];
            out.add(obj("apiVersion", "v1", "kind", "Event",
                    "metadata", m("name", pod(p) + "." + Integer.toHexString(0x10000000 + i), "namespace", ns(p % namespaces), "uid", uid("e", i)),
                    "involvedObject", m("kind", "Pod", "name", pod(p), "namespace", ns(p % namespaces), "apiVersion", "v1",
                            "fieldPath", "spec.containers{app}"),
                    "type", k[0], "reason", k[1], "message", message, "source", m("component", "kubelet", "host", nodeName),
                    "count", 1 + i % 40, "firstTimestamp", "2026-11-25T08:00:00Z",
                    "lastTimestamp", "2026-11-25T09:%02d:00Z".formatted(i % 60)));
        }
        return out;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode obj(Object... kv) {
        return JSON.valueToTree(m(kv));
    }

    private static Map<String, Object> m(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static int count(String yaml, String kind) {
        return (int) yaml.lines().filter(l -> l.matches("kind:\\s*" + kind + "\\s*")).count();
    }

    private static void doc(BufferedWriter w, String flow) throws IOException {
        w.write("---\n");
        w.write(flow);
        w.write('\n');
    }

    private static String ns(int i) {
        return "team-%02d".formatted(i);
    }

    private static String pod(int i) {
        return "svc-%04d-7d9f8b6c5-%05x".formatted(i / 10, 0x10000 + i);
    }

    private static String node(int i) {
        return "bench-node-%03d".formatted(i);
    }

    private static String uid(String prefix, int i) {
        return "%s%07d-0000-4000-8000-000000000000".formatted(prefix.equals("p") ? "a" : "e", i);
    }

    // ---- fleet: a node-wide check where every node answers after a delay

    static void fleet(Path out, int nodes, int delayMs, String key, String playbook) throws IOException {
        Files.createDirectories(out.resolve("nodes"));
        // fleet-00 .. fleet-49 as before; as many digits as the largest number needs
        String name = "fleet-%0" + Math.max(2, String.valueOf(nodes - 1).length()) + "d";
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("cluster.yaml"))) {
            for (int i = 0; i < nodes; i++) nodeDoc(w, name.formatted(i));
        }
        for (int i = 0; i < nodes; i++) {
            String value = i == nodes / 2 ? "2" : "1";
            Files.writeString(out.resolve("nodes/" + name.formatted(i) + ".yaml"), """
                    commands:
                      - run: "sysctl -n %s"
                        stdout: "%s\\n"
                        delayMs: %d
                    """.formatted(key, value, delayMs));
        }
        Files.writeString(out.resolve("expect.yaml"), """
                playbook: %s
                set: {key: %s}
                answers: {}
                diagnosis: %ssysctl-differs-across-nodes
                """.formatted(playbook, key, playbook.startsWith("bench-") ? "bench-" : ""));
    }

    /**
     * The built-in node-sysctl-drift lists at most 500 nodes (its {@code limit: 500}): the same
     * playbook as {@code bench-node-sysctl-drift}, with that one limit raised to 5,000.
     */
    static void wideDrift(Path playbooks) throws IOException {
        String yaml;
        try (var in = Gen.class.getResourceAsStream("/playbooks/node-sysctl-drift/playbook.yaml")) {
            if (in == null) throw new IOException("node-sysctl-drift is not in the ktriage jar");
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // ids are unique across the catalog: the copy's id and its diagnosis's id get a prefix
        String wide = yaml.replaceFirst("(?m)^id: node-sysctl-drift$", "id: bench-node-sysctl-drift")
                .replace("diagnose: sysctl-differs-across-nodes", "diagnose: bench-sysctl-differs-across-nodes")
                .replaceFirst("(?m)^  - id: sysctl-differs-across-nodes$", "  - id: bench-sysctl-differs-across-nodes")
                .replace("limit: 500}", "limit: 5000}");
        for (String part : List.of("id: bench-node-sysctl-drift", "diagnose: bench-sysctl", "- id: bench-sysctl", "limit: 5000}")) {
            if (!wide.contains(part)) throw new IOException("node-sysctl-drift changed: Gen wide-drift no longer finds where to write `" + part + "`");
        }
        Path dir = playbooks.resolve("bench-node-sysctl-drift");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("playbook.yaml"), wide);
    }

    static void names(Path out, int nodes) throws IOException {
        Files.createDirectories(out);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("cluster.yaml"))) {
            for (int i = 0; i < nodes; i++) nodeDoc(w, "sshd-%02d".formatted(i));
        }
    }

    private static void nodeDoc(BufferedWriter w, String name) throws IOException {
        doc(w, "{apiVersion: v1, kind: Node, metadata: {name: %1$s, labels: {kubernetes.io/hostname: %1$s}},"
                .formatted(name) + " status: {addresses: [{type: InternalIP, address: 127.0.0.1}]}}");
    }

    // ---- steps: a long, loop-free playbook for the replay figure

    static void steps(Path playbooks, Path scenario, int steps) throws IOException {
        Path dir = playbooks.resolve("bench-steps");
        Files.createDirectories(dir);
        StringBuilder p = new StringBuilder("""
                version: 2
                id: bench-steps
                title: Benchmark playbook with many steps
                description: Generated by bench/run; alternates API reads and node commands.
                inputs:
                  - id: pod
                    kind: pod
                    description: The pod to read.
                steps:
                """);
        for (int i = 0; i < steps; i++) {
            boolean node = i % 2 == 1;
            p.append("  - id: s").append(i).append('\n')
                    .append("    title: Step ").append(i).append('\n')
                    .append("    explain: Reads the same evidence again (benchmark).\n")
                    .append("    gather:\n");
            if (node) {
                p.append("      node: {on: \"${node}\", run: \"sysctl -n net.ipv4.conf.all.rp_filter\"}\n")
                        .append("    extract:\n      v").append(i).append(": {regex: \"([0-9]+)\"}\n");
            } else {
                p.append("      cluster: {get: pods, namespace: \"${pod.namespace}\", name: \"${pod.name}\"}\n")
                        .append("    let:\n")
                        .append(i == 0 ? "      node: \"response.body.spec.nodeName\"\n" : "")
                        .append("      ip").append(i).append(": \"response.body.status.podIP\"\n");
            }
            p.append("    next:\n");
            if (i + 1 < steps) {
                p.append("      - finding: read-").append(i).append("\n        says: \"step ").append(i).append(" read\"\n")
                        .append("        goto: s").append(i + 1).append('\n');
            } else {
                p.append("      - finding: all-read\n        says: \"all steps read\"\n        diagnose: bench-done\n");
            }
        }
        p.append("""
                diagnoses:
                  - id: bench-done
                    title: Every step ran
                    confidence: high
                    summary: The benchmark playbook reached its end.
                    remedy: Nothing to do.
                """);
        Files.writeString(dir.resolve("playbook.yaml"), p.toString());
        Files.createDirectories(scenario.resolve("nodes"));
        Files.writeString(scenario.resolve("cluster.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: web-0, namespace: default}
                spec: {nodeName: node0, containers: [{name: web, image: nginx}]}
                status: {phase: Running, podIP: 10.0.0.7}
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: node0}
                status: {addresses: [{type: InternalIP, address: 10.0.0.1}]}
                """);
        Files.writeString(scenario.resolve("nodes/node0.yaml"), "sysctls:\n  net.ipv4.conf.all.rp_filter: \"1\"\n");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(from)) {
            all = new ArrayList<>(s.toList());
        }
        for (Path f : all) {
            Path target = to.resolve(from.relativize(f).toString());
            if (Files.isDirectory(f)) Files.createDirectories(target);
            else Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
