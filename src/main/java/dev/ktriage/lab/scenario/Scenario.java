package dev.ktriage.lab.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lab scenario folder, loaded (format: docs/scenarios.md, a public contract).
 *
 * @param objects Kubernetes objects from cluster.yaml, exactly as given (a List is flattened)
 * @param logs    container logs from logs/NS/POD/CONTAINER.log (and .previous.log)
 * @param raw     responses for non-resource API paths from raw.yaml
 * @param nodes   nodes/NODE.yaml by node name
 * @param expect  expect.yaml, when present
 */
public record Scenario(
        Path dir,
        List<ObjectNode> objects,
        Map<LogKey, String> logs,
        List<RawResponse> raw,
        Map<String, NodeSpec> nodes,
        Optional<Expectation> expect) {

    public Scenario {
        objects = List.copyOf(objects);
        logs = Map.copyOf(logs);
        raw = List.copyOf(raw);
        nodes = Map.copyOf(nodes);
    }

    public String name() {
        return dir.getFileName().toString();
    }
}
