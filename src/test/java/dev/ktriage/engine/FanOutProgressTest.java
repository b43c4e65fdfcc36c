package dev.ktriage.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.lab.Lab;
import dev.ktriage.lab.scenario.ScenarioLoader;
import dev.ktriage.plugin.PluginLoader;
import dev.ktriage.ui.batch.BatchOperator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A step that runs on many nodes tells its listeners how many have answered, as they answer. */
class FanOutProgressTest {

    @Test
    void everyNodeAnswerIsCountedOnceUpToTheTotal() {
        Path dir = Path.of("playbooks/node-sysctl-drift/scenarios/unreachable-node-is-not-drift");
        List<int[]> progress = new CopyOnWriteArrayList<>();
        List<String> steps = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        SessionListener listener = new SessionListener() {
            @Override
            public void nodesAnswered(String stepId, int done, int total) {
                steps.add(stepId);
                threads.add(Thread.currentThread().getName());
                progress.add(new int[] {done, total});
            }
        };
        try (Lab lab = Lab.start(ScenarioLoader.load(dir));
             ClusterGateway cluster = lab.clusterGateway(Duration.ofSeconds(10));
             NodeGateway nodes = lab.nodeGateway()) {
            int nodeCount = lab.scenario().nodes().size();
            new SessionEngine(PluginLoader.load(List.of(), List.of()).catalog(), cluster, nodes, new BatchOperator(Map.of()), listener, null)
                    .run("node-sysctl-drift", Map.of("key", "net.core.somaxconn"));
            assertTrue(nodeCount >= 3, "a fleet: " + nodeCount);
            assertEquals(nodeCount, progress.size(), "one count per node, the unreachable one included");
            assertEquals(1, steps.stream().distinct().count(), "all for the one fan-out step: " + steps);
            assertEquals(List.of(nodeCount), progress.stream().map(p -> p[1]).distinct().toList());
            assertEquals(java.util.stream.IntStream.rangeClosed(1, nodeCount).boxed().toList(),
                    progress.stream().map(p -> p[0]).sorted().toList(), "1..total, each once");
            assertTrue(threads.stream().allMatch(t -> t.startsWith("ssh-node")),
                    "told as each node answers, on the gateway's workers, not after all of them: " + threads);
        }
    }
}
