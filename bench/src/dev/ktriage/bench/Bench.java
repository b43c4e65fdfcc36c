package dev.ktriage.bench;

import dev.ktriage.gateway.node.SshSettings;
import dev.ktriage.lab.Lab;
import dev.ktriage.lab.scenario.Expectation;
import dev.ktriage.lab.scenario.Scenario;
import dev.ktriage.lab.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures that need a lab held by a parent process while a ktriage session runs in a fresh JVM
 * ({@code BENCH_SESSION}: the java command line that starts {@link Session}, words split on spaces).
 *
 * <pre>
 * Bench api SEED LABEL              a playbook's scenario in 5,000 pods, 50,000 events, 200 nodes:
 *                                   requests counted at the lab server, time from JVM start to diagnosis
 * Bench fanout-lab OUT SIZES ROUNDS node-sysctl-drift over SIZES (e.g. 50,200,1000) lab nodes that answer
 *                                   after 200 ms, against the same one node after another (scenarios under OUT)
 * Bench fanout-sshd NAMES HOSTS KEY KNOWN_HOSTS ROUNDS PSSH...   the same check against parallel-ssh
 * Bench fleet KTRIAGE PLAYBOOKS PLAYBOOK LABS ROUNDS OUT   `ktriage fleet PLAYBOOK --lab ...` over LABS of the
 *                                   playbook's own scenarios, against `ktriage run PLAYBOOK --lab DIR` LABS times in a row
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "api" -> api(Path.of(a[1]), a[2]);
            case "fanout-lab" -> fanoutLab(Path.of(a[1]), Arrays.stream(a[2].split(",")).mapToInt(Integer::parseInt).toArray(),
                    Integer.parseInt(a[3]));
            case "fleet" -> fleet(Path.of(a[1]), Path.of(a[2]), a[3], Integer.parseInt(a[4]), Integer.parseInt(a[5]), Path.of(a[6]));
            case "fanout-sshd" -> fanoutSshd(Path.of(a[1]), Path.of(a[2]), Path.of(a[3]), Path.of(a[4]), Integer.parseInt(a[5]),
                    Arrays.asList(a).subList(6, a.length));
            default -> throw new IllegalArgumentException(a[0]);
        }
        Runtime.getRuntime().halt(0);
    }

    // ---- figure lines (same format as bench/run's)

    static void figure(String name, String value, String target, double ratio, boolean ok, String note) {
        System.out.printf("%-38s %12s  target %-16s ratio %6.2f  %-4s %s%n", name, value, target, ratio, ok ? "ok" : "MISS", note);
        System.out.flush();
    }

    // ---- API cost

    static void api(Path dir, String label) throws Exception {
        long t0 = System.nanoTime();
        // The same cluster as `Gen big SEED OUT 5000 50000 200` writes (to look at it with `ktriage lab OUT`),
        // built in memory: parsing 30 MB of YAML would take longer than everything measured here.
        Scenario seed = ScenarioLoader.load(dir);
        List<com.fasterxml.jackson.databind.node.ObjectNode> objects = new ArrayList<>(seed.objects());
        Map<String, Long> seedKinds = kinds(seed);
        objects.addAll(Gen.filler(seedKinds.getOrDefault("Pod", 0L).intValue(), seedKinds.getOrDefault("Event", 0L).intValue(),
                seedKinds.getOrDefault("Node", 0L).intValue(), 5000, 50000, 200));
        Scenario scenario = new Scenario(dir, objects, seed.logs(), seed.raw(), seed.nodes(), seed.expect());
        Expectation e = scenario.expect().orElseThrow(() -> new IllegalArgumentException(dir + ": no expect.yaml"));
        Path work = Files.createTempDirectory("bench-lab-");
        try (Lab lab = Lab.start(scenario, work)) {
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            Map<String, Long> kinds = kinds(scenario);
            System.err.printf("  [%s: lab loaded in %d ms: %s]%n", label, loadMs, kinds);
            List<String> args = sessionArgs(lab, scenario.nodes().keySet(), work, e.playbook());
            e.set().forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
            e.answers().forEach((k, v) -> args.addAll(List.of("--answer", k + "=" + v)));
            List<Long> times = new ArrayList<>(), cpu = new ArrayList<>(), walls = new ArrayList<>();
            int requests = -1;
            String result = null;
            for (int round = 0; round < 3; round++) {
                int before = lab.apiRequests();
                long t = System.nanoTime();
                Child c = Child.run(args);
                walls.add((System.nanoTime() - t) / 1_000_000);
                int used = lab.apiRequests() - before;
                if (requests < 0) requests = used;
                result = c.result;
                times.add(c.field("fromJvmStartMs"));
                cpu.add(c.field("cpuMs"));
            }
            boolean diagnosed = result != null && Arrays.asList(c(result, "diagnoses").split(",")).contains(e.diagnosis());
            int beforeNaive = lab.apiRequests();
            for (String path : List.of("/api/v1/pods", "/api/v1/events", "/api/v1/nodes")) listAll(lab.apiUrl(), path);
            int naive = lab.apiRequests() - beforeNaive;
            String reached = diagnosed ? "reached " + e.diagnosis() : "did NOT reach " + e.diagnosis() + " (" + result + ")";
            figure("api." + label + ".requests", String.valueOf(requests), "<= 20", requests / 20.0, diagnosed && requests <= 20,
                    String.format("naive list-everything: %d requests (ktriage/naive %.3f); %s", naive, requests / (double) naive, reached));
            long ms = median(times);
            figure("api." + label + ".time", ms + " ms", "<= 2000 ms", ms / 2000.0, diagnosed && ms <= 2000,
                    "JVM start to diagnosis at -Xmx256m, median of " + times + "; session " + c(result, "sessionMs")
                            + " ms; process CPU " + median(cpu) + " ms; whole process " + median(walls) + " ms");
        }
    }

    private static Map<String, Long> kinds(Scenario s) {
        Map<String, Long> m = new java.util.TreeMap<>();
        s.objects().forEach(o -> m.merge(o.path("kind").asText(), 1L, Long::sum));
        m.keySet().retainAll(List.of("Pod", "Event", "Node"));
        return m;
    }

    /** What kubectl get pods,events,nodes -A does: lists in chunks of 500, following continue tokens. */
    static void listAll(String base, String path) throws IOException {
        String cont = null;
        Pattern p = Pattern.compile("\"continue\"\\s*:\\s*\"([^\"]+)\"");
        do {
            String url = base + path + "?limit=500" + (cont == null ? "" : "&continue=" + URLEncoder.encode(cont, StandardCharsets.UTF_8));
            HttpURLConnection h = (HttpURLConnection) URI.create(url).toURL().openConnection();
            String body;
            try (InputStream in = h.getInputStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int meta = body.indexOf("\"metadata\"");
            Matcher m = p.matcher(body.substring(Math.max(0, meta), Math.min(body.length(), Math.max(0, meta) + 2000)));
            cont = m.find() ? m.group(1) : null;
        } while (cont != null);
    }

    // ---- fan-out

    static final String FANOUT_KEY = "net.ipv4.conf.all.rp_filter";
    static final int FANOUT_DELAY_MS = 200;

    /**
     * node-sysctl-drift over 50, 200 and 1,000 lab nodes that answer after 200 ms, each against the
     * same session run one node after another (concurrency 1). Scenarios are generated under OUT.
     * Sequentially, 1,000 nodes at 200 ms would take over 200 s: the sequential side is measured on
     * nodes that answer at once and the nodes' 200 ms are added (N x 200 ms: one node at a time,
     * nothing overlaps the wait); at 50 nodes it is measured both ways, to check that sum.
     */
    static void fanoutLab(Path out, int[] sizes, int rounds) throws Exception {
        Path playbooks = out.resolve("playbooks");
        Gen.wideDrift(playbooks);
        prime(playbooks);
        java.util.TreeMap<Integer, Long> session = new java.util.TreeMap<>();
        for (int n : sizes) {
            // the built-in playbook lists at most 500 nodes: above that, its copy with a larger limit
            String playbook = n > 500 ? "bench-node-sysctl-drift" : "node-sysctl-drift";
            Path slow = out.resolve("fleet-" + n + "x" + FANOUT_DELAY_MS + "ms");
            Path quick = out.resolve("fleet-" + n + "x0ms");
            Gen.fleet(slow, n, FANOUT_DELAY_MS, FANOUT_KEY, playbook);
            Gen.fleet(quick, n, 0, FANOUT_KEY, playbook);
            String name = "fanout.lab-" + n + "x" + FANOUT_DELAY_MS + "ms";
            Runs par, seqSlow = null, seqQuick;
            try (Lab lab = Lab.start(ScenarioLoader.load(slow), Files.createTempDirectory(out, "lab-"))) {
                par = sessions(lab, slow, playbooks, rounds, 0, name);
                if (n <= 50) seqSlow = sessions(lab, slow, playbooks, 1, 1, name + ".sequential");
            }
            try (Lab lab = Lab.start(ScenarioLoader.load(quick), Files.createTempDirectory(out, "lab-"))) {
                seqQuick = sessions(lab, quick, playbooks, 1, 1, "fanout.lab-" + n + "x0ms.sequential");
            }
            long ms = median(par.session);
            session.put(n, ms);
            String cpu = "; CPU per session " + median(par.clientCpu) + " ms, lab server (the 'nodes', same 2 cores) "
                    + median(par.labCpu) + " ms";
            if (n == 50) {
                figure(name, ms + " ms", "< 1000 ms", ms / 1000.0, par.ok && ms < 1000,
                        "whole session (list nodes + one command on every node) in a fresh JVM, median of " + par.session
                                + "; fan-out step alone " + median(par.step) + " ms " + par.step + cpu + par.wrong());
            }
            long computed = seqQuick.session.get(0) + (long) n * FANOUT_DELAY_MS;
            String how;
            long seq;
            if (seqSlow != null) {
                seq = seqSlow.session.get(0);
                how = "measured at concurrency 1 on the same nodes, 1 run (" + seqQuick.session.get(0) + " ms on nodes answering at once + "
                        + n + " x " + FANOUT_DELAY_MS + " ms = " + computed + " ms)" + seqSlow.wrong();
            } else {
                seq = computed;
                how = "computed: " + seqQuick.session.get(0) + " ms measured at concurrency 1 on " + n + " nodes answering at once, 1 run, + "
                        + n + " x " + FANOUT_DELAY_MS + " ms" + seqQuick.wrong();
            }
            figure(name + ".vs-sequential", ms + " ms", "<= " + seq + " ms", ms / (double) seq, par.ok && ms <= seq,
                    "whole session" + (n > 500 ? " of bench-node-sysctl-drift (node-sysctl-drift listing up to 5,000 nodes, not 500)" : "")
                            + ", fan-out bound " + SshSettings.DEFAULT_CONCURRENCY + ", median of " + par.session + ", "
                            + String.format(java.util.Locale.ROOT, "%.1f", ms / (double) n) + " ms per node; fan-out step alone "
                            + median(par.step) + " ms" + (n == 50 ? "" : cpu) + (n == 50 ? "" : par.wrong())
                            + "; one node after another: " + how);
        }
        if (session.size() >= 2) {
            int first = session.firstKey(), last = session.lastKey();
            double perFirst = session.get(first) / (double) first, perLast = session.get(last) / (double) last;
            StringBuilder per = new StringBuilder(), marginal = new StringBuilder();
            Integer prev = null;
            for (Map.Entry<Integer, Long> e : session.entrySet()) {
                per.append(per.length() == 0 ? "" : ", ").append(e.getKey()).append(": ")
                        .append(String.format(java.util.Locale.ROOT, "%.1f", e.getValue() / (double) e.getKey()));
                if (prev != null) {
                    marginal.append(marginal.length() == 0 ? "" : ", ").append(prev).append("->").append(e.getKey()).append(": ")
                            .append(String.format(java.util.Locale.ROOT, "%.1f", (e.getValue() - session.get(prev)) / (double) (e.getKey() - prev)));
                }
                prev = e.getKey();
            }
            figure("fanout.lab.per-node-" + last, String.format(java.util.Locale.ROOT, "%.1f ms", perLast),
                    String.format(java.util.Locale.ROOT, "<= %.1f ms", perFirst), perLast / perFirst, perLast <= perFirst,
                    "whole session / nodes, against the same at " + first + " nodes (at most linear growth); per node (ms) "
                            + per + "; each added node (ms) " + marginal);
        }
    }

    /** What a few sessions over one lab measured: wall clock, fan-out step, CPU of the session and of the lab server. */
    static final class Runs {
        final List<Long> session = new ArrayList<>(), step = new ArrayList<>(), clientCpu = new ArrayList<>(), labCpu = new ArrayList<>();
        String result;
        boolean ok = true;

        String wrong() {
            return ok ? "" : "; wrong result: " + result;
        }
    }

    /** ROUNDS sessions of SCENARIO's expected playbook on LAB; CONCURRENCY 0 is the gateway's default bound. */
    static Runs sessions(Lab lab, Path scenario, Path playbooks, int rounds, int concurrency, String label) throws Exception {
        Scenario sc = lab.scenario();
        Expectation e = sc.expect().orElseThrow(() -> new IllegalArgumentException(scenario + ": no expect.yaml"));
        Path work = Files.createTempDirectory(scenario.getParent(), "session-");
        List<String> args = sessionArgs(lab, sc.nodes().keySet(), work, e.playbook());
        args.addAll(List.of("--playbooks", playbooks.toString()));
        e.set().forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
        Runs r = new Runs();
        for (int round = 0; round < rounds; round++) {
            long labCpu = cpuMs();
            Child c = Child.run(args, concurrency, true);
            labCpu = cpuMs() - labCpu;
            r.result = c.result;
            r.ok &= c(c.result, "diagnoses").equals(e.diagnosis());
            r.session.add(c.field("sessionMs"));
            r.step.add(c.field("fanOutStepMs"));
            r.clientCpu.add(c.field("cpuMs"));
            r.labCpu.add(labCpu);
            System.err.println("  [" + label + " round " + round + ": " + c(c.result, "stepMs") + " (ms/process CPU), setup "
                    + c(c.result, "setupMs") + " ms, close " + c(c.result, "closeMs") + " ms, per node min/median/max "
                    + c(c.result, "nodeMsMinMedMax") + " ms, session CPU " + c(c.result, "cpuMs") + " ms, lab server CPU " + labCpu + " ms]");
        }
        return r;
    }

    /** Fills the catalog cache for the built-ins and PLAYBOOKS, as bench/run does for the built-ins alone. */
    static void prime(Path playbooks) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(Arrays.asList(System.getenv("BENCH_SESSION").trim().split("\\s+")));
        cmd.addAll(List.of("--prime", "--playbooks", playbooks.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException("priming the catalog cache failed: " + out.strip());
    }

    /** CPU time of this process (the lab's API and SSH servers, when a session runs in a child). */
    static long cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    // ---- fleet

    /**
     * {@code ktriage fleet} over COUNT lab clusters, each one of PLAYBOOK's own scenarios under
     * PLAYBOOKS/PLAYBOOK/scenarios (the first COUNT by name whose only input is {@code pod}, with no
     * answers and no {@code delayMs}), with its default --parallel and with --parallel COUNT, against
     * {@code ktriage run PLAYBOOK --lab DIR} on each, one after another. Whole processes through the
     * launcher, interleaved round by round; every session must reach its scenario's expected diagnosis.
     */
    static void fleet(Path ktriage, Path playbooks, String playbook, int count, int rounds, Path out) throws Exception {
        List<Path> labs = new ArrayList<>();
        List<Expectation> expected = new ArrayList<>();
        List<Path> dirs;
        try (var s = Files.list(playbooks.resolve(playbook).resolve("scenarios"))) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path d : dirs) {
            if (labs.size() == count) break;
            if (!Files.isRegularFile(d.resolve("expect.yaml")) || mentions(d, "delayMs")) continue;
            Expectation e = ScenarioLoader.load(d).expect().orElse(null);
            if (e == null || !e.playbook().equals(playbook) || !e.set().keySet().equals(java.util.Set.of("pod")) || !e.answers().isEmpty()) continue;
            labs.add(d);
            expected.add(e);
        }
        String name = "fleet.lab-" + count;
        if (labs.size() < count) {
            figure(name + ".vs-sequential", "-", "<= sequential", 0, false, "only " + labs.size() + " scenarios of " + playbook + " fit (pod input only)");
            return;
        }
        List<String> fleet = new ArrayList<>(List.of(ktriage.toString(), "fleet", playbook, "--output", "json"));
        for (int i = 0; i < count; i++) {
            fleet.addAll(List.of("--lab", labs.get(i).toString(), "--set-in", labs.get(i).getFileName() + ":pod=" + expected.get(i).set().get("pod")));
        }
        List<Long> p4 = new ArrayList<>(), pAll = new ArrayList<>(), seq = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int round = 0; round < rounds; round++) {
            for (int parallel : new int[] {0, count}) {
                List<String> cmd = new ArrayList<>(fleet);
                if (parallel > 0) cmd.addAll(List.of("--parallel", String.valueOf(parallel)));
                cmd.addAll(List.of("--transcripts", out.resolve("fleet-" + round + "-" + parallel).toString()));
                long t = System.nanoTime();
                String body = runProcess(cmd);
                (parallel > 0 ? pAll : p4).add((System.nanoTime() - t) / 1_000_000);
                Map<String, com.fasterxml.jackson.databind.JsonNode> byContext = new java.util.HashMap<>();
                try {
                    json.readTree(body).path("sessions").forEach(n -> byContext.put(n.path("context").asText(), n));
                } catch (IOException e) {
                    wrong.add("fleet output is not JSON: " + body.lines().findFirst().orElse(""));
                }
                for (int i = 0; i < count; i++) {
                    String member = labs.get(i).getFileName().toString();
                    var n = byContext.get(member);
                    List<String> got = new ArrayList<>();
                    if (n != null) n.path("diagnoses").forEach(d -> got.add(d.asText()));
                    check(wrong, "fleet " + member, expected.get(i), got, n == null ? null : n.path("conclusion").asText());
                }
            }
            long t = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String body = runProcess(List.of(ktriage.toString(), "run", playbook, "--lab", labs.get(i).toString(),
                        "--set", "pod=" + expected.get(i).set().get("pod"), "--output", "json",
                        "--transcript", out.resolve("run-" + round + "-" + i + ".jsonl").toString()));
                List<String> got = new ArrayList<>();
                String conclusion = null;
                try {
                    var n = json.readTree(body);
                    n.path("diagnoses").forEach(d -> got.add(d.path("id").asText()));
                    conclusion = n.path("conclusion").asText();
                } catch (IOException e) {
                    got.add("(output is not JSON)");
                }
                check(wrong, "run " + labs.get(i).getFileName(), expected.get(i), got, conclusion);
            }
            seq.add((System.nanoTime() - t) / 1_000_000);
        }
        long s = median(seq);
        String scenarios = count + " scenarios of " + playbook + " (" + labs.get(0).getFileName() + " .. " + labs.get(count - 1).getFileName() + ")";
        String check = wrong.isEmpty() ? "every session reached its expected diagnosis" : wrong.size() + " wrong: " + String.join("; ", wrong.subList(0, Math.min(3, wrong.size())));
        long f = median(p4);
        figure(name + ".vs-sequential", f + " ms", "<= " + s + " ms", f / (double) s, wrong.isEmpty() && f <= s,
                "./ktriage fleet " + playbook + " --lab x" + count + " (default --parallel), process wall clock, median of " + p4
                        + ", against ./ktriage run " + playbook + " --lab DIR " + count + " times in a row " + seq + "; " + scenarios + "; " + check);
        f = median(pAll);
        figure(name + ".parallel-" + count + ".vs-sequential", f + " ms", "<= " + s + " ms", f / (double) s, wrong.isEmpty() && f <= s,
                "the same with --parallel " + count + ", median of " + pAll + "; sequential as above");
    }

    private static boolean mentions(Path dir, String text) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                if (Files.readString(f).contains(text)) return true;
            }
        }
        return false;
    }

    private static void check(List<String> wrong, String who, Expectation e, List<String> got, String conclusion) {
        boolean ok = e.diagnosis().equals("none") ? got.isEmpty() : got.contains(e.diagnosis());
        if (e.conclusion() != null && !e.conclusion().equals(conclusion)) ok = false;
        if (!ok) wrong.add(who + ": " + got + " " + conclusion + ", expected " + e.diagnosis() + (e.conclusion() == null ? "" : " " + e.conclusion()));
    }

    /** Runs CMD with no input, returns its stdout (stderr is dropped: ktriage's progress lines). */
    private static String runProcess(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static void fanoutSshd(Path names, Path hosts, Path key, Path knownHosts, int rounds, List<String> pssh) throws Exception {
        Scenario scenario = ScenarioLoader.load(names);
        Path work = Files.createTempDirectory("bench-lab-");
        try (Lab lab = Lab.start(scenario, work)) {
            List<String> args = new ArrayList<>(List.of("--api", lab.apiUrl(), "--ssh", hosts.toString(), "--key", key.toString(),
                    "--known-hosts", knownHosts.toString(), "--playbook", "node-sysctl-drift",
                    "--set", "key=net.ipv4.conf.all.rp_filter"));
            List<Long> k = new ArrayList<>(), p = new ArrayList<>();
            String result = null;
            int endpoints = Files.readAllLines(hosts).size();
            for (int round = 0; round < rounds; round++) {
                long t = System.nanoTime();
                Child c = Child.run(args);
                k.add((System.nanoTime() - t) / 1_000_000);
                result = c.result;
                System.err.println("  [fanout-sshd round " + round + ": " + c(result, "stepMs") + " (ms/process CPU), setup "
                        + c(result, "setupMs") + " ms, close " + c(result, "closeMs") + " ms, per node min/median/max "
                        + c(result, "nodeMsMinMedMax") + " ms]");
                t = System.nanoTime();
                Process proc = new ProcessBuilder(pssh).redirectErrorStream(true).start();
                String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int exit = proc.waitFor();
                p.add((System.nanoTime() - t) / 1_000_000);
                long success = out.lines().filter(l -> l.contains("[SUCCESS]")).count();
                if (exit != 0 || success != endpoints) System.err.println("  [parallel-ssh exit " + exit + ", " + success + " ok:\n" + out + "]");
            }
            boolean answered = c(result, "last").equals("same-everywhere");
            long km = median(k), pm = median(p);
            figure("fanout.sshd-" + endpoints + ".vs-parallel-ssh", km + " ms", "<= " + pm + " ms", km / (double) pm, answered && km <= pm,
                    "process wall clock, ktriage (JVM start, API node list, sshj) " + k + " vs parallel-ssh " + p
                            + (answered ? "" : "; ktriage result: " + result));
        }
    }

    // ---- helpers

    private static List<String> sessionArgs(Lab lab, Collection<String> nodes, Path work, String playbook) throws IOException {
        Path sshDir = lab.sshConfig().getParent();
        String known = Files.readString(sshDir.resolve("known_hosts"));
        Matcher m = Pattern.compile("\\[127\\.0\\.0\\.1]:(\\d+)").matcher(known);
        if (!m.find()) throw new IllegalStateException("no port in lab known_hosts");
        StringBuilder hosts = new StringBuilder();
        for (String n : nodes) hosts.append(n).append(' ').append(m.group(1)).append(' ').append(n).append('\n');
        Path hostsFile = work.resolve("bench-hosts");
        Files.writeString(hostsFile, hosts);
        return new ArrayList<>(List.of("--api", lab.apiUrl(), "--ssh", hostsFile.toString(),
                "--key", sshDir.resolve("id_ed25519").toString(), "--known-hosts", sshDir.resolve("known_hosts").toString(),
                "--playbook", playbook));
    }

    static String c(String result, String key) {
        if (result == null) return "";
        Matcher m = Pattern.compile("(?:^| )" + key + "=(\\S*)").matcher(result);
        return m.find() ? m.group(1) : "";
    }

    static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    record Child(String result, String output) {

        static Child run(List<String> args) throws IOException, InterruptedException {
            return run(args, 0, false);
        }

        /**
         * CONCURRENCY > 0: the session's SSH fan-out bound (BENCH_CONCURRENCY); 0: the gateway's default.
         * LAUNCHER_HEAP: without BENCH_SESSION's -Xmx, as ./ktriage starts the JVM (its default heap).
         */
        static Child run(List<String> args, int concurrency, boolean launcherHeap) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(Arrays.asList(System.getenv("BENCH_SESSION").trim().split("\\s+")));
            if (launcherHeap) cmd.removeIf(w -> w.startsWith("-Xmx"));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            if (concurrency > 0) pb.environment().put("BENCH_CONCURRENCY", String.valueOf(concurrency));
            else pb.environment().remove("BENCH_CONCURRENCY");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            String result = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElse(null);
            if (result == null) System.err.println("  [session failed: " + out.strip() + "]");
            return new Child(result, out);
        }

        long field(String key) {
            String v = c(result, key);
            return v.isEmpty() ? -1 : Long.parseLong(v);
        }
    }
}
