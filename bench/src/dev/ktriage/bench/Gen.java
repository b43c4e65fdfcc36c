package dev.ktriage.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bench-only generator of lab scenarios and playbooks (written to a temp folder, never committed).
 *
 * <pre>
 * Gen big SEED OUT PODS EVENTS NODES   a playbook's own scenario (SEED, with expect.yaml) buried in
 *                                      filler so the cluster holds PODS pods, EVENTS events, NODES nodes
 * Gen fleet OUT NODES DELAY_MS KEY     NODES nodes answering `sysctl -n KEY` after DELAY_MS (one odd node)
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
            case "fleet" -> fleet(Path.of(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]), a[4]);
            case "names" -> names(Path.of(a[1]), Integer.parseInt(a[2]));
            case "steps" -> steps(Path.of(a[1]), Path.of(a[2]), Integer.parseInt(a[3]));
            default -> throw new IllegalArgumentException("unknown: " + a[0]);
        }
    }

    // ---- big: 5,000 pods, 50,000 events, 200 nodes around a seed incident

    static void big(Path seed, Path out, int pods, int events, int nodes) throws IOException {
        copyTree(seed, out);
        String seedYaml = Files.readString(seed.resolve("cluster.yaml"));
        int seedPods = count(seedYaml, "Pod"), seedEvents = count(seedYaml, "Event"), seedNodes = count(seedYaml, "Node");
        int namespaces = 50;
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("cluster.yaml"), StandardCharsets.UTF_8)) {
            w.write(seedYaml);
            if (!seedYaml.endsWith("\n")) w.write("\n");
            for (int n = 0; n < namespaces; n++) {
                doc(w, "{apiVersion: v1, kind: Namespace, metadata: {name: %s}, status: {phase: Active}}".formatted(ns(n)));
            }
            int fillerNodes = Math.max(0, nodes - seedNodes);
            for (int i = 0; i < fillerNodes; i++) {
                doc(w, ("{apiVersion: v1, kind: Node, metadata: {name: %1$s, labels: {kubernetes.io/hostname: %1$s,"
                        + " node-role.kubernetes.io/worker: ''}, creationTimestamp: '2026-11-01T00:00:00Z'},"
                        + " spec: {podCIDR: 10.%2$d.%3$d.0/24},"
                        + " status: {addresses: [{type: InternalIP, address: 10.250.%2$d.%3$d}],"
                        + " conditions: [{type: Ready, status: 'True', reason: KubeletReady}],"
                        + " nodeInfo: {kubeletVersion: v1.30.4, kernelVersion: 6.1.0-27-amd64, osImage: Debian GNU/Linux 12 (bookworm)}}}")
                        .formatted(node(i), i / 250, i % 250));
            }
            int fillerPods = Math.max(0, pods - seedPods);
            for (int i = 0; i < fillerPods; i++) {
                String nodeName = node(i % Math.max(1, fillerNodes));
                doc(w, ("{apiVersion: v1, kind: Pod, metadata: {name: %1$s, namespace: %2$s, uid: %3$s,"
                        + " labels: {app: %4$s}, creationTimestamp: '2026-11-20T10:00:00Z'},"
                        + " spec: {nodeName: %5$s, containers: [{name: app, image: 'registry.example/app:1.%6$d',"
                        + " ports: [{containerPort: 8080, name: http}],"
                        + " readinessProbe: {httpGet: {path: /ready, port: 8080}, timeoutSeconds: 1}}]},"
                        + " status: {phase: Running, podIP: 10.%7$d.%8$d.%9$d, hostIP: 10.250.0.1,"
                        + " conditions: [{type: Ready, status: 'True'}],"
                        + " containerStatuses: [{name: app, ready: true, restartCount: 0, image: 'registry.example/app:1.%6$d',"
                        + " state: {running: {startedAt: '2026-11-20T10:00:05Z'}}}]}}")
                        .formatted(pod(i), ns(i % namespaces), uid("p", i), "app-" + (i / 10), nodeName, i % 7,
                                100 + (i / 62500) % 100, (i / 250) % 250, 1 + i % 250));
            }
            int fillerEvents = Math.max(0, events - seedEvents);
            String[][] kinds = {
                {"Normal", "Scheduled", "Successfully assigned %s to %s"},
                {"Normal", "Pulled", "Container image \\\"registry.example/app\\\" already present on machine"},
                {"Normal", "Created", "Created container app"},
                {"Normal", "Started", "Started container app"},
                {"Warning", "Unhealthy", "Readiness probe failed: Get \\\"http://10.1.2.3:8080/ready\\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"},
                {"Warning", "BackOff", "Back-off restarting failed container app"},
                {"Normal", "Killing", "Stopping container app"},
                {"Warning", "FailedMount", "MountVolume.SetUp failed for volume \\\"config\\\" : configmap \\\"app-config\\\" not found"},
                {"Normal", "Pulling", "Pulling image \\\"registry.example/app\\\""},
                {"Normal", "SuccessfulCreate", "Created pod"}};
            for (int i = 0; i < fillerEvents; i++) {
                int p = i % Math.max(1, fillerPods);
                String[] k = kinds[i % kinds.length];
                String message = k[1].equals("Scheduled") ? k[2].formatted(ns(p % namespaces) + "/" + pod(p), node(p % Math.max(1, fillerNodes))) : k[2];
                doc(w, ("{apiVersion: v1, kind: Event, metadata: {name: %1$s.%2$s, namespace: %3$s, uid: %4$s},"
                        + " involvedObject: {kind: Pod, name: %1$s, namespace: %3$s, apiVersion: v1, fieldPath: 'spec.containers{app}'},"
                        + " type: %5$s, reason: %6$s, message: \"%7$s\", source: {component: kubelet, host: %8$s},"
                        + " count: %9$d, firstTimestamp: '2026-11-25T08:00:00Z', lastTimestamp: '2026-11-25T09:%10$02d:00Z'}")
                        .formatted(pod(p), Integer.toHexString(0x10000000 + i), ns(p % namespaces), uid("e", i), k[0], k[1], message,
                                node(p % Math.max(1, fillerNodes)), 1 + i % 40, i % 60));
            }
        }
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

    static void fleet(Path out, int nodes, int delayMs, String key) throws IOException {
        Files.createDirectories(out.resolve("nodes"));
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("cluster.yaml"))) {
            for (int i = 0; i < nodes; i++) nodeDoc(w, "fleet-%02d".formatted(i));
        }
        for (int i = 0; i < nodes; i++) {
            String value = i == nodes / 2 ? "2" : "1";
            Files.writeString(out.resolve("nodes/fleet-%02d.yaml".formatted(i)), """
                    commands:
                      - run: "sysctl -n %s"
                        stdout: "%s\\n"
                        delayMs: %d
                    """.formatted(key, value, delayMs));
        }
        Files.writeString(out.resolve("expect.yaml"), """
                playbook: node-sysctl-drift
                set: {key: %s}
                answers: {}
                diagnosis: sysctl-differs-across-nodes
                """.formatted(key));
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
                p.append("      node: {on: \"${node}\", run: \"sysctl -n net.ipv4.conf.all.rp_filter\", readOnly: true}\n")
                        .append("    extract:\n      v").append(i).append(": {regex: \"([0-9]+)\"}\n");
            } else {
                p.append("      cluster: {get: pods, namespace: \"${pod.namespace}\", name: \"${pod.name}\"}\n")
                        .append("    extract:\n")
                        .append(i == 0 ? "      node: {json: spec.nodeName}\n" : "")
                        .append("      ip").append(i).append(": {json: status.podIP}\n");
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
