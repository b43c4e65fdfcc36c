package dev.ktriage.ui;

import dev.ktriage.engine.SessionEngine;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.lab.Lab;
import dev.ktriage.lab.BuiltInScenarios;
import dev.ktriage.lab.scenario.ScenarioLoader;
import dev.ktriage.playbook.ExtractorRegistry;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.PlaybookSources;
import dev.ktriage.transcript.TranscriptWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The seed incident (coredns 0/1, rp_filter on the lxc device) on a lab, as a front end's workspace. */
public final class SeedLab implements AutoCloseable {

    public static final String SCENARIO = "seed-coredns-cilium-rp-filter";
    public static final String PLAYBOOK = "failing-probes";
    public static final Map<String, String> INPUTS = Map.of("pod", "kube-system/coredns-749558f7dd-w6jdj");

    private final Lab lab;
    private final ClusterGateway cluster;
    private final NodeGateway nodes;
    private final PlaybookCatalog catalog;
    private final Path transcript;

    public SeedLab(Path dir) {
        this(dir, BuiltInScenarios.all().stream().filter(x -> x.name().equals(SCENARIO)).findFirst().orElseThrow().dir());
    }

    /** The seed incident from another copy of its scenario (e.g. one whose node answers slowly). */
    public SeedLab(Path dir, Path scenario) {
        this(dir, scenario, PlaybookCatalog.load(PlaybookSources.builtIn(), ExtractorRegistry.fromClassLoader(SeedLab.class.getClassLoader())));
    }

    /** Another scenario with another catalog (a plugin's playbooks, say). */
    public SeedLab(Path dir, Path scenario, PlaybookCatalog catalog) {
        lab = Lab.start(ScenarioLoader.load(scenario), dir.resolve("lab"));
        cluster = lab.clusterGateway(Duration.ofSeconds(15));
        nodes = lab.nodeGateway();
        this.catalog = catalog;
        transcript = dir.resolve("seed.jsonl");
    }

    /** The seed scenario's folder. */
    public static Path scenario() {
        return BuiltInScenarios.all().stream().filter(x -> x.name().equals(SCENARIO)).findFirst().orElseThrow().dir();
    }

    public PlaybookCatalog catalog() {
        return catalog;
    }

    /** Each session's transcript is written to {@link #transcript()} (the next session's replaces it). */
    public SessionLauncher launcher() {
        return (playbook, inputs, operator, listener) -> {
            try (TranscriptWriter writer = new TranscriptWriter(transcript, Clock.systemUTC(), "test")) {
                SessionListener all = listener == null ? writer : SessionListener.all(writer, listener);
                all.recordingTo(writer);
                return new SessionLauncher.FinishedSession(
                        new SessionEngine(catalog, cluster, nodes, operator, all, null).run(playbook, inputs), transcript);
            }
        };
    }

    /** Where the newest session's transcript is. */
    public Path transcript() {
        return transcript;
    }

    public Workspace workspace(Workspace.Preset preset, Path stateDir) {
        return new Workspace(catalog, launcher(), cluster, nodes, cluster.describe(), Workspace.noTriage(), preset, stateDir);
    }

    /** The seed cluster with other nodes (a real sshd, say) behind the REPL's look-arounds. */
    public Workspace workspaceWith(NodeGateway otherNodes, Path stateDir) {
        return new Workspace(catalog, launcher(), cluster, otherNodes, cluster.describe(), Workspace.noTriage(), null, stateDir);
    }

    /** The lab's node answers as it would after a change on the node (a fix, a regression). */
    public void changeNode(String node, dev.ktriage.lab.scenario.NodeSpec now) {
        lab.changeNode(node, now);
    }

    /** How many commands the lab's nodes have received. */
    public int nodeCommands() {
        return lab.nodeCommands();
    }

    @Override
    public void close() {
        nodes.close();
        cluster.close();
        lab.close();
    }

    public static List<String> diagnosisIds() {
        return List.of("rp-filter-strict-on-cni-device", "node-drops-probe-replies-rp-filter");
    }
}
