package dev.ktriage.bench;

import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.SessionEngine;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.gateway.cluster.Fabric8ClusterGateway;
import dev.ktriage.gateway.node.NodeAddress;
import dev.ktriage.gateway.node.SshNodeGateway;
import dev.ktriage.gateway.node.SshSettings;
import dev.ktriage.playbook.ExtractorRegistry;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.PlaybookSources;
import dev.ktriage.plugin.CatalogCache;
import dev.ktriage.ui.batch.BatchOperator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * A ktriage session in its own JVM, wired like {@code ktriage run} (same catalog, engine, fabric8
 * and sshj gateways, batch operator) but pointed at an API URL and SSH endpoints that a parent
 * bench process holds. Prints one line:
 * {@code RESULT outcome=.. diagnoses=.. fromJvmStartMs=.. sessionMs=..}.
 *
 * <pre>
 * Session --api URL --ssh HOSTS_FILE --key FILE --known-hosts FILE --playbook ID [--playbooks DIR] [--set k=v]... [--answer k=v]...
 * HOSTS_FILE: one "NODE PORT USER" a line, all on 127.0.0.1
 * --playbooks DIR: also the playbooks in DIR, as ktriage run --playbooks DIR
 * BENCH_CONCURRENCY (environment): the SSH fan-out bound, default SshSettings.DEFAULT_CONCURRENCY
 * </pre>
 */
public final class Session {

    private Session() {
    }

    /**
     * The built-in catalog as the command line gets it: from the catalog cache when it is there
     * (bench/run points ktriage.catalog.cache at its temp folder and fills it first, with
     * {@code --prime}), else loaded (and kept).
     */
    static PlaybookCatalog catalog(List<Path> playbookFolders) {
        CatalogCache cache = CatalogCache.forSources(List.of(), playbookFolders);
        if (cache == null) {
            List<dev.ktriage.playbook.PlaybookFile> files = new java.util.ArrayList<>(PlaybookSources.builtIn());
            for (Path dir : playbookFolders) files.addAll(PlaybookSources.fromFolder(dir, dir.toString(), "--playbooks"));
            return PlaybookCatalog.load(files, ExtractorRegistry.fromClassLoader(Session.class.getClassLoader()));
        }
        PlaybookCatalog cached = cache.read();
        if (cached != null) return cached;
        var loaded = cache.load();
        loaded.problems().forEach(p -> System.err.println("ktriage: " + p));
        return loaded.catalog();
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("--prime")) {
            catalog(args.length == 3 && args[1].equals("--playbooks") ? List.of(Path.of(args[2])) : List.of());
            return;
        }
        Map<String, String> opt = new HashMap<>();
        Map<String, String> set = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String k = args[i], v = args[i + 1];
            if (k.equals("--set")) put(set, v);
            else if (k.equals("--answer")) put(answers, v);
            else opt.put(k, v);
        }
        answers.putAll(set);
        Map<String, NodeAddress> hosts = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(opt.get("--ssh")))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3) hosts.put(f[0], new NodeAddress("127.0.0.1", Integer.parseInt(f[1]), f[2]));
        }
        PlaybookCatalog catalog = catalog(opt.containsKey("--playbooks") ? List.of(Path.of(opt.get("--playbooks"))) : List.of());
        SshSettings ssh = new SshSettings(Path.of(opt.get("--known-hosts")), List.of(Path.of(opt.get("--key"))), false,
                Duration.ofSeconds(60), Duration.ofSeconds(2), // generous: a loaded CI box is slow to fork sshd sessions
                Integer.parseInt(System.getenv().getOrDefault("BENCH_CONCURRENCY", String.valueOf(SshSettings.DEFAULT_CONCURRENCY))));
        StepTimer timer = new StepTimer();
        long start = System.nanoTime();
        SessionResult r;
        long setupMs, ranMs;
        try (ClusterGateway cluster = Fabric8ClusterGateway.forUrl(opt.get("--api"), Duration.ofSeconds(15));
             NodeGateway nodes = timedClose(new SshNodeGateway(ssh, n -> Optional.ofNullable(hosts.get(n))))) {
            setupMs = (System.nanoTime() - start) / 1_000_000;
            r = new SessionEngine(catalog, cluster, nodes, new BatchOperator(answers), timer, null)
                    .run(opt.get("--playbook"), set);
            ranMs = (System.nanoTime() - start) / 1_000_000;
        }
        long sessionMs = (System.nanoTime() - start) / 1_000_000;
        // JVM uptime in ms (a process start time from /proc is only as precise as the boot time: 1 s)
        long fromStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                - (System.nanoTime() - start) / 1_000_000 + sessionMs;
        System.out.println("RESULT outcome=" + r.outcome().wireName()
                + " diagnoses=" + r.diagnoses().stream().map(Diagnosis::id).collect(Collectors.joining(","))
                + " steps=" + r.steps().size() + " last=" + r.steps().get(r.steps().size() - 1).finding()
                + " cpuMs=" + ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L)
                + " slowestStep=" + timer.slowest + " slowestStepMs=" + timer.slowestMs + " fanOutStepMs=" + timer.fanOutMs + " setupMs=" + setupMs + " closeMs=" + (sessionMs - ranMs) + " nodesCloseMs=" + nodesCloseMs + " runAllMs=" + runAllMs
                + " stepMs=" + timer.all + " nodeCommands=" + timer.nodeCommands + " nodeFailures=" + timer.nodeFailures + " nodeMsMinMedMax=" + timer.nodeSpread() + " fromJvmStartMs=" + fromStart + " sessionMs=" + sessionMs);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** Each step's wall clock between its start and finish (the slowest one apart), and the node commands' outcomes. */
    static final class StepTimer implements SessionListener {
        private long started;
        private long startedCpu;
        private boolean onNodes;
        long fanOutMs = -1;
        String slowest = "-";
        long slowestMs = -1;
        final StringJoiner all = new StringJoiner(",");
        int nodeCommands;
        int nodeFailures;
        final List<Long> nodeMillis = new java.util.ArrayList<>();

        String nodeSpread() {
            if (nodeMillis.isEmpty()) return "-";
            List<Long> s = nodeMillis.stream().sorted().toList();
            return s.get(0) + "/" + s.get(s.size() / 2) + "/" + s.get(s.size() - 1);
        }

        @Override
        public void nodeExchange(String stepId, dev.ktriage.gateway.NodeCommand command, dev.ktriage.gateway.NodeAnswer answer) {
            nodeCommands++;
            onNodes = true;
            nodeMillis.add(answer.millis());
            if (answer.status().isFailure()) nodeFailures++;
        }

        @Override
        public void stepStarted(String stepId, String title, String explain, String command) {
            started = System.nanoTime();
            startedCpu = cpuMs();
            onNodes = false;
        }

        @Override
        public void stepFinished(dev.ktriage.engine.StepRecord step) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            all.add(step.id() + ":" + ms + "/" + (cpuMs() - startedCpu) + "cpu");
            if (onNodes) fanOutMs = Math.max(fanOutMs, ms);
            if (ms > slowestMs) {
                slowestMs = ms;
                slowest = step.id();
            }
        }
    }

    static long nodesCloseMs = -1;
    static long runAllMs = -1;

    /** CPU time of the whole process so far (every thread, the JIT and GC included). */
    static long cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    /** The gateway as it is, with the time its close takes (disconnecting every node) noted. */
    static NodeGateway timedClose(NodeGateway g) {
        return new NodeGateway() {
            @Override
            public dev.ktriage.gateway.NodeAnswer run(dev.ktriage.gateway.NodeCommand command) {
                return g.run(command);
            }

            @Override
            public List<dev.ktriage.gateway.NodeAnswer> runAll(List<dev.ktriage.gateway.NodeCommand> commands) {
                long t = System.nanoTime();
                try {
                    return g.runAll(commands);
                } finally {
                    runAllMs = (System.nanoTime() - t) / 1_000_000;
                }
            }

            @Override
            public void close() {
                long t = System.nanoTime();
                g.close();
                nodesCloseMs = (System.nanoTime() - t) / 1_000_000;
            }
        };
    }

    private static void put(Map<String, String> m, String kv) {
        int eq = kv.indexOf('=');
        m.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
}
