package dev.ktriage.bench;

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
 * Bench fanout-lab SCENARIO         node-sysctl-drift over lab nodes that answer slowly
 * Bench fanout-sshd NAMES HOSTS KEY KNOWN_HOSTS ROUNDS PSSH...   the same check against parallel-ssh
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "api" -> api(Path.of(a[1]), a[2]);
            case "fanout-lab" -> fanoutLab(Path.of(a[1]));
            case "fanout-sshd" -> fanoutSshd(Path.of(a[1]), Path.of(a[2]), Path.of(a[3]), Path.of(a[4]), Integer.parseInt(a[5]),
                    Arrays.asList(a).subList(6, a.length));
            default -> throw new IllegalArgumentException(a[0]);
        }
        Runtime.getRuntime().halt(0);
    }

    // ---- figure lines (same format as bench/run's)

    static void figure(String name, String value, String target, double ratio, boolean ok, String note) {
        System.out.printf("%-34s %12s  target %-16s ratio %6.2f  %-4s %s%n", name, value, target, ratio, ok ? "ok" : "MISS", note);
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

    static void fanoutLab(Path dir) throws Exception {
        Scenario scenario = ScenarioLoader.load(dir);
        Expectation e = scenario.expect().orElseThrow();
        Path work = Files.createTempDirectory("bench-lab-");
        try (Lab lab = Lab.start(scenario, work)) {
            List<String> args = sessionArgs(lab, scenario.nodes().keySet(), work, e.playbook());
            e.set().forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
            List<Long> session = new ArrayList<>(), step = new ArrayList<>();
            String result = null;
            for (int round = 0; round < 3; round++) {
                Child c = Child.run(args);
                result = c.result;
                session.add(c.field("sessionMs"));
                step.add(c.field("fanOutStepMs"));
                System.err.println("  [fanout-lab round " + round + ": " + c(result, "stepMs") + " (ms/process CPU), setup "
                        + c(result, "setupMs") + " ms, close " + c(result, "closeMs") + " ms, per node min/median/max "
                        + c(result, "nodeMsMinMedMax") + " ms]");
            }
            boolean ok = c(result, "diagnoses").equals(e.diagnosis());
            long ms = median(session);
            figure("fanout.lab-" + scenario.nodes().size() + "x200ms", ms + " ms", "< 1000 ms", ms / 1000.0, ok && ms < 1000,
                    "whole session (list nodes + one command on every node) in a fresh JVM, median of " + session
                            + "; fan-out step alone " + median(step) + " ms " + step + (ok ? "" : "; wrong result: " + result));
        }
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
            List<String> cmd = new ArrayList<>(Arrays.asList(System.getenv("BENCH_SESSION").trim().split("\\s+")));
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
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
