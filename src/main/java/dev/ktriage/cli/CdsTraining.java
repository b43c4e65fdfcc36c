package dev.ktriage.cli;

import dev.ktriage.engine.Operator;
import dev.ktriage.engine.SessionEngine;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.json.JsonTrees;
import dev.ktriage.lab.TempFolders;
import dev.ktriage.playbook.Input;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.transcript.TranscriptWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the launcher's light class-data archive is trained on besides {@code list}: the classes of
 * {@code replay} (a transcript written and read back, the engine, the replay gateways) and of a
 * catalog read from its cache. Runs only in the training process ({@code -Dktriage.cds.training}),
 * after the command, with made-up evidence and no network; whatever it finds is thrown away.
 */
final class CdsTraining {

    static final String PROPERTY = "ktriage.cds.training";
    private static final String POD = """
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web-0", "namespace": "default"},
             "spec": {"nodeName": "node-0", "containers": [{"name": "web", "image": "nginx"}]},
             "status": {"phase": "Running", "podIP": "10.0.0.7"}, "items": []}""";

    private CdsTraining() {
    }

    static void exercise() {
        Path dir = null;
        try {
            dir = TempFolders.create("ktriage-cds-training");
            // the catalog again: this time from the cache that `list` just wrote
            PlaybookCatalog catalog = new PlaybookOptions().reportingTo(new PrintWriter(new StringWriter())).catalog();
            for (PlaybookCatalog.Summary s : catalog.summaries()) {
                Path t = dir.resolve(s.id() + ".jsonl");
                record(catalog, catalog.require(s.id()), t);
                FastReplay.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, "replay", t.toString());
            }
        } catch (IOException | RuntimeException e) {
            // training only: a failure costs an archive that covers less
        } finally {
            if (dir != null) TempFolders.remove(dir);
        }
    }

    private static void record(PlaybookCatalog catalog, Playbook p, Path transcript) throws IOException {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Input i : p.inputs()) inputs.put(i.id(), i.kind() == Input.Kind.POD ? "default/web-0" : i.kind() == Input.Kind.NODE ? "node-0" : "1");
        ClusterAnswer pod = ClusterAnswer.json(200, JsonTrees.parse(POD), 1);
        ClusterGateway cluster = new ClusterGateway() {
            @Override
            public ClusterAnswer query(ClusterRequest request) {
                return pod;
            }

            @Override
            public String describe() {
                return "training";
            }

            @Override
            public void close() {
            }
        };
        NodeGateway nodes = new NodeGateway() {
            @Override
            public NodeAnswer run(NodeCommand command) {
                return NodeAnswer.ran(0, "1\n", "", 1);
            }

            @Override
            public List<NodeAnswer> runAll(List<NodeCommand> commands) {
                return commands.stream().map(this::run).toList();
            }

            @Override
            public void close() {
            }
        };
        Operator operator = new Operator() {
            @Override
            public String answer(String id, String text, List<String> choices) {
                return choices.isEmpty() ? "yes" : choices.get(0);
            }

            @Override
            public String provideInput(Input input, List<String> candidates) {
                return candidates.isEmpty() ? "1" : candidates.get(0);
            }
        };
        try (TranscriptWriter writer = new TranscriptWriter(transcript, Clock.systemUTC(), Version.current())) {
            new SessionEngine(catalog, cluster, nodes, operator, writer, null).run(p.id(), inputs);
        }
    }
}
