package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.gateway.cluster.ResourceType;
import dev.ktriage.lab.scenario.Scenario;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The lab's Kubernetes API server: fabric8's mock server in CRUD mode on 127.0.0.1, loaded with a
 * scenario's objects, behind {@link LabDispatcher} so that ktriage's fabric8 client and a real
 * kubectl see what a real API server would send.
 */
public final class LabApiServer implements AutoCloseable {

    public static final String CONTEXT = "ktriage-lab";

    /**
     * The mock server logs every request at INFO on stderr, which would interleave with ktriage's
     * own output; requests are available from {@link #requests()} instead. Held in a field because
     * java.util.logging keeps loggers only weakly.
     */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

    static {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    private final KubernetesMockServer server;
    private final RequestLog requests;
    private final LabDispatcher dispatcher;

    private LabApiServer(KubernetesMockServer server, RequestLog requests, LabDispatcher dispatcher) {
        this.server = server;
        this.requests = requests;
        this.dispatcher = dispatcher;
    }

    public static LabApiServer start(Scenario scenario) {
        return start(scenario, dev.ktriage.lab.scenario.NodeAnswers.NONE);
    }

    /** @param nodes how the nodes answer the node log queries the API server proxies to their kubelets */
    public static LabApiServer start(Scenario scenario, dev.ktriage.lab.scenario.NodeAnswers nodes) {
        ObjectStore store = new ObjectStore(scenario.objects());
        // Reads are served from the store; fabric8's CRUD store only answers watches. Its create is
        // linear in the objects already stored, so it is loaded on the first watch, not at start
        // (a 50,000-event scenario would otherwise take minutes to start). Loaded in-process, not
        // over HTTP, so loading never shows up in the request count.
        Supplier<KubernetesCrudDispatcher> crud = () -> {
            KubernetesCrudDispatcher d = new KubernetesCrudDispatcher();
            for (ObjectNode o : store.all()) load(d, o);
            return d;
        };
        RequestLog requests = new RequestLog();
        LabDispatcher dispatcher = new LabDispatcher(scenario, store, crud, requests, nodes);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        dispatcher.serverAddress("127.0.0.1:" + server.getPort(), store);
        return new LabApiServer(server, requests, dispatcher);
    }

    private static void load(KubernetesCrudDispatcher crud, ObjectNode o) {
        ResourceType type = ObjectStore.typeOf(o);
        String path = type.collectionPath(o.path("metadata").path("namespace").asText(null));
        Headers headers = Headers.builder().add("Content-Type", "application/json").build();
        byte[] body = o.toString().getBytes(StandardCharsets.UTF_8);
        try {
            crud.handleCreate(new RecordedRequest("HTTP/1.1", HttpMethod.POST, path, headers, new Buffer(body)));
        } catch (RuntimeException e) {
            // The CRUD store only backs websocket watches; reads come from the scenario, so the lab still starts.
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** HTTP requests answered since start (loading the scenario is not counted). */
    public int requestCount() {
        return requests.count();
    }

    /** The answered requests as "METHOD /path?query", in arrival order. */
    public List<String> requests() {
        return requests.lines();
    }

    /** Starts a new count, e.g. between the phases of a benchmark. */
    public void resetRequests() {
        requests.clear();
    }

    /** ktriage's debug pods the server has now, as "NAMESPACE/NAME": a session must leave none behind. */
    public List<String> debugPods() {
        return dispatcher.debugPods();
    }

    /** A kubeconfig with one context, {@value #CONTEXT}, pointing at this server. */
    public String kubeconfigYaml() {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                users:
                - name: %1$s
                  user:
                    token: ktriage-lab-token
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                    namespace: default
                current-context: %1$s
                preferences: {}
                """.formatted(CONTEXT, url());
    }

    public void writeKubeconfig(Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, kubeconfigYaml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } finally {
            dispatcher.close();
        }
    }
}
