package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.lab.scenario.NodeAnswers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code GET .../pods/NAME/exec?command=...} in a debug pod, over a websocket in the
 * {@code v4.channel.k8s.io} protocol the kubelet speaks (k8s.io/apimachinery
 * pkg/util/remotecommand and client-go tools/remotecommand): binary frames whose first byte is the
 * channel, 1 stdout, 2 stderr, 3 a metav1.Status that ends the command ({@code Success}, or
 * {@code Failure} with reason {@code NonZeroExitCode} and the exit code as the message of the
 * cause {@code ExitCode}), then a normal close.
 *
 * <p>The debug pod runs {@code chroot /host ARGV}: ARGV is answered exactly as the node answers it
 * over SSH (its {@code timeout N} and {@code env LC_ALL=C} taken off, a reply slower than N seconds
 * ending with exit 124), after the scenario's delay, without holding the server's event loop.
 */
final class DebugPodExec implements AutoCloseable {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int STDOUT = 1;
    private static final int STDERR = 2;
    private static final int ERROR = 3;
    private static final int FRAME = 32 * 1024;

    private final DebugPodEndpoint pods;
    private final NodeAnswers nodes;
    private final ScheduledExecutorService replies = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lab-debug-pod-exec");
        t.setDaemon(true);
        return t;
    });

    DebugPodExec(DebugPodEndpoint pods, NodeAnswers nodes) {
        this.pods = pods;
        this.nodes = nodes;
    }

    /** The answer to an exec request: a websocket upgrade, or the HTTP failure the API server would send. */
    MockResponse answer(RecordedRequest request, String namespace, String name, Function<LabResponse, MockResponse> http) {
        Optional<ObjectNode> found = pods.pod(namespace, name);
        if (found.isEmpty()) return http.apply(LabResponse.status(StatusBodies.notFound("", "pods", name)));
        JsonNode pod = found.get();
        String node = pod.path("spec").path("nodeName").asText("");
        if (node.isEmpty()) return http.apply(LabResponse.status(StatusBodies.badRequest("pod " + name + " does not have a host assigned")));
        if (!pods.nodeKnown(node)) return http.apply(LabResponse.status(StatusBodies.notFound("", "nodes", node)));
        if (!DebugPodEndpoint.isDebugPod(pod) || !"Running".equals(pod.path("status").path("phase").asText())) {
            String container = query(request, "container").stream().findFirst().orElse("");
            return http.apply(LabResponse.status(StatusBodies.badRequest("unable to upgrade connection: container not found (\"" + container + "\")")));
        }
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            return http.apply(LabResponse.status(StatusBodies.badRequest("Upgrade request required")));
        }
        List<String> argv = query(request, "command");
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket socket, Response response) {
                reply(socket, node, argv);
            }
        });
    }

    private void reply(WebSocket socket, String node, List<String> argv) {
        NodeAnswers.Reply r;
        if (argv.size() < 3 || !argv.get(0).equals("chroot") || !argv.get(1).equals("/host")) {
            r = new NodeAnswers.Reply("", "ktriage lab: a debug pod runs only `chroot /host COMMAND...`, not `"
                    + NodeCommand.joined(argv) + "`\n", 126, false, 0);
        } else {
            r = nodes.run(node, NodeCommand.joined(argv.subList(2, argv.size())))
                    .orElseGet(() -> new NodeAnswers.Reply("", "ktriage lab: node " + node + " has no answers in this scenario\n", 127, false, 0));
        }
        NodeAnswers.Reply answer = r;
        replies.schedule(() -> send(socket, answer), Math.max(0, answer.delayMs()), TimeUnit.MILLISECONDS);
    }

    private static void send(WebSocket socket, NodeAnswers.Reply r) {
        frames(socket, STDOUT, r.stdout().getBytes(StandardCharsets.UTF_8));
        frames(socket, STDERR, r.stderr().getBytes(StandardCharsets.UTF_8));
        ObjectNode status = NODES.objectNode();
        status.putObject("metadata");
        if (r.exit() == 0) {
            status.put("status", "Success");
        } else {
            status.put("status", "Failure");
            status.put("message", "command terminated with non-zero exit code: error executing command, exit code " + r.exit());
            status.put("reason", "NonZeroExitCode");
            status.putObject("details").putArray("causes").addObject().put("reason", "ExitCode").put("message", Integer.toString(r.exit()));
        }
        frames(socket, ERROR, status.toString().getBytes(StandardCharsets.UTF_8));
        socket.close(1000, "");
    }

    private static void frames(WebSocket socket, int channel, byte[] data) {
        for (int at = 0; at < data.length; at += FRAME) {
            int n = Math.min(FRAME, data.length - at);
            byte[] frame = new byte[n + 1];
            frame[0] = (byte) channel;
            System.arraycopy(data, at, frame, 1, n);
            socket.send(frame);
        }
    }

    /** Every value of a query parameter, in order (exec repeats {@code command} once per word). */
    static List<String> query(RecordedRequest request, String key) {
        String target = request.getPath();
        int q = target.indexOf('?');
        if (q < 0) return List.of();
        return LabDispatcher.queryPairs(target.substring(q + 1)).stream().filter(p -> p.getKey().equals(key)).map(Map.Entry::getValue).toList();
    }

    @Override
    public void close() {
        replies.shutdownNow();
    }
}
