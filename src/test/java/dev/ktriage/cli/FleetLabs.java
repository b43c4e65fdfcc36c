package dev.ktriage.cli;

import dev.ktriage.lab.Lab;
import dev.ktriage.lab.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lab scenarios as fleet members, and labs started in-process behind one kubeconfig with a context each. */
final class FleetLabs implements AutoCloseable {

    static final Path SCENARIOS = Path.of("playbooks/failing-probes/scenarios");
    /** Diagnosed: rp-filter-strict-on-cni-device and node-drops-probe-replies-rp-filter (reaches its node over SSH). */
    static final String SEED = "seed-coredns-cilium-rp-filter";
    static final String SEED_POD = "kube-system/coredns-749558f7dd-w6jdj";
    /** Healthy: the pod is Ready and no probe failure is reported for it. */
    static final String HEALTHY = "healthy-web-ready";
    /** Could not tell: the pod is Ready but its events cannot be read. */
    static final String UNREADABLE = "events-unreadable-could-not-tell";
    /** The pod of HEALTHY and UNREADABLE. */
    static final String WEB_POD = "shop/web-7c9d8b6f5-qx2lp";
    /** Diagnosed probe-wrong-path from the API alone (no SSH). */
    static final String WRONG_PATH = "wrong-path-404";
    static final String WRONG_PATH_POD = "web/storefront-84c6d7f9b-tr5nz";

    private final Map<String, Lab> labs = new LinkedHashMap<>();

    /** Starts the labs of these scenarios, each reached as the context named after its folder. */
    static FleetLabs start(String... scenarios) {
        FleetLabs f = new FleetLabs();
        try {
            for (String s : scenarios) f.labs.put(s, Lab.start(ScenarioLoader.load(SCENARIOS.resolve(s))));
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
        return f;
    }

    /** A kubeconfig with one context (and cluster and user) per lab, the first the current one. */
    Path kubeconfig(Path file) throws IOException {
        List<String> clusters = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<String> contexts = new ArrayList<>();
        labs.forEach((name, lab) -> {
            clusters.add("- name: " + name + "\n  cluster:\n    server: " + lab.apiUrl() + "\n");
            users.add("- name: " + name + "\n  user:\n    token: ktriage-lab-token\n");
            contexts.add("- name: " + name + "\n  context:\n    cluster: " + name + "\n    user: " + name + "\n    namespace: default\n");
        });
        Files.writeString(file, "apiVersion: v1\nkind: Config\nclusters:\n" + String.join("", clusters) + "users:\n" + String.join("", users)
                + "contexts:\n" + String.join("", contexts) + "current-context: " + labs.keySet().iterator().next() + "\n");
        return file;
    }

    static String lab(String scenario) {
        return SCENARIOS.resolve(scenario).toString();
    }

    /**
     * The most members running at once, read from fleet's progress lines in the order they were printed
     * (a member's "started" line comes after it took its slot, its end line before it gave it back).
     */
    static int mostAtOnce(String stderr) {
        int running = 0;
        int most = 0;
        for (String line : stderr.lines().filter(l -> l.startsWith("fleet: ")).toList()) {
            if (line.endsWith(": started")) most = Math.max(most, ++running);
            else running--;
        }
        if (running != 0) throw new AssertionError("a member started without ending, or ended twice:\n" + stderr);
        return most;
    }

    @Override
    public void close() {
        labs.values().forEach(Lab::close);
    }
}
