package dev.ktriage.lab.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.lab.scenario.RawResponse;
import dev.ktriage.lab.scenario.Scenario;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wraps fabric8's CRUD dispatcher so the lab answers like a real API server for the reads ktriage
 * and kubectl make: raw paths, discovery, objects with selectors and paging, and logs. Watches go
 * to the CRUD dispatcher; writes are refused (except access reviews, which store nothing, and
 * ktriage's own debug pods, see {@link DebugPodEndpoint}), because ktriage is read-only and a write
 * that succeeded here would hide a bug.
 */
final class LabDispatcher extends Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<KubernetesCrudDispatcher> crudLoader;
    private KubernetesCrudDispatcher crud;
    private final ObjectReads reads;
    private final LogEndpoint logs;
    private final Map<String, RawResponse> raw = new HashMap<>();
    private final RequestLog requests;
    private volatile DiscoveryDocuments discovery;
    private final RbacAuthorizer rbac;

    private final NodeLogs nodeLogs;
    private final DebugPodEndpoint debugPods;
    private final DebugPodExec exec;

    LabDispatcher(Scenario scenario, ObjectStore store, Supplier<KubernetesCrudDispatcher> crud, RequestLog requests,
                  dev.ktriage.lab.scenario.NodeAnswers nodes) {
        this.nodeLogs = new NodeLogs(nodes);
        this.debugPods = new DebugPodEndpoint(store, nodes);
        this.exec = new DebugPodExec(debugPods, nodes);
        this.crudLoader = crud;
        this.reads = new ObjectReads(store);
        this.logs = new LogEndpoint(scenario.logs());
        this.requests = requests;
        for (RawResponse r : scenario.raw()) raw.putIfAbsent(r.path(), r);
        this.discovery = new DiscoveryDocuments(store.types(), "127.0.0.1:0");
        this.rbac = new RbacAuthorizer(store.all());
    }

    /** Discovery names the server's address, which is known only once it listens. */
    void serverAddress(String hostPort, ObjectStore store) {
        this.discovery = new DiscoveryDocuments(store.types(), hostPort);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String target = request.getPath();
        requests.add(request.getMethod(), target);
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Map<String, String> query = parseQuery(q < 0 ? "" : target.substring(q + 1));
        if ("true".equals(query.get("watch")) || "1".equals(query.get("watch")) || path.contains("/watch/")) return watch(request, query);
        try {
            ApiPath api = ApiPath.parse(path);
            if (isPodExec(api)) return exec.answer(request, api.namespace(), api.name(), this::toHttp);
            MockResponse response = toHttp(route(request, path, query));
            RawResponse r = raw.get(path);
            // a raw answer that takes its time: the body (and with it the end of the response) comes late
            if (r != null && r.delayMs() > 0 && isRead(request)) response.setBodyDelay(java.time.Duration.ofMillis(r.delayMs()));
            return response;
        } catch (RuntimeException e) {
            return toHttp(LabResponse.status(StatusBodies.failure(500, "InternalError", "lab: " + e)));
        }
    }

    private static boolean isPods(ApiPath api) {
        return api != null && api.group().isEmpty() && api.version().equals("v1") && api.plural().equals("pods") && api.namespace() != null;
    }

    private static boolean isPodExec(ApiPath api) {
        return isPods(api) && !api.isCollection() && "exec".equals(api.subresource());
    }

    /** ktriage's debug pods the lab has now, as "NAMESPACE/NAME". */
    List<String> debugPods() {
        return debugPods.debugPods();
    }

    void close() {
        exec.close();
    }

    private static boolean isRead(RecordedRequest request) {
        return request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    }

    /** fabric8's CRUD store, loaded with the scenario on the first watch. */
    private synchronized KubernetesCrudDispatcher watches() {
        if (crud == null) crud = crudLoader.get();
        return crud;
    }

    private LabResponse route(RecordedRequest request, String path, Map<String, String> query) {
        String method = request.getMethod();
        if (method.equals("POST") && path.equals(AccessReviews.PATH)) return AccessReviews.answer(request.getUtf8Body());
        if (method.equals("POST") && path.equals(AccessReviews.SUBJECT_PATH)) return AccessReviews.subject(request.getUtf8Body(), rbac);
        ApiPath pod = ApiPath.parse(path);
        if (isPods(pod) && pod.subresource() == null) {
            if (method.equals("POST") && pod.isCollection()) return debugPods.create(pod.namespace(), request.getUtf8Body());
            if (method.equals("DELETE") && !pod.isCollection()) return debugPods.delete(pod.namespace(), pod.name());
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return LabResponse.status(StatusBodies.methodNotAllowed("the ktriage lab is read-only: " + method + " is not allowed"));
        }
        RawResponse r = raw.get(path);
        if (r != null) {
            return r.body().isTextual() ? LabResponse.text(r.status(), r.body().textValue()) : LabResponse.json(r.status(), r.body());
        }
        Optional<LabResponse> log = nodeLogs.answer(path, query);
        if (log.isPresent()) return log.get();
        Optional<ObjectNode> doc = discovery.answer(path);
        if (doc.isPresent()) return LabResponse.json(200, doc.get());
        ApiPath api = ApiPath.parse(path);
        if (api == null) return LabResponse.status(StatusBodies.pathNotFound());
        if (api.subresource() != null) return subresource(api, query);
        return reads.answer(api, query, TableRendering.wanted(request.getHeader("Accept"))).orElseGet(() -> LabResponse.status(StatusBodies.pathNotFound()));
    }

    private LabResponse subresource(ApiPath api, Map<String, String> query) {
        if (api.group().isEmpty() && api.plural().equals("pods") && api.subresource().equals("log") && api.namespace() != null) {
            return reads.pod(api.namespace(), api.name())
                    .map(pod -> logs.answer(pod, query))
                    .orElseGet(() -> LabResponse.status(StatusBodies.notFound("", "pods", api.name())));
        }
        return LabResponse.status(StatusBodies.pathNotFound());
    }

    /**
     * Nothing changes in a lab, so a watch sees no events. fabric8's websocket watches go to the
     * CRUD dispatcher, which has the objects; an HTTP watch (kubectl get -w) stays open without
     * events until its timeoutSeconds (at most 30 s here), then ends like a real one.
     */
    private MockResponse watch(RecordedRequest request, Map<String, String> query) {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) return watches().dispatch(request);
        long seconds = 30;
        try {
            seconds = Math.min(seconds, Long.parseLong(query.getOrDefault("timeoutSeconds", "30")));
        } catch (NumberFormatException ignored) {
            // keep the default
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody("\n")
                .setBodyDelay(java.time.Duration.ofSeconds(Math.max(0, seconds)));
    }

    private MockResponse toHttp(LabResponse answer) {
        MockResponse response = new MockResponse().setResponseCode(answer.status());
        if (answer.json() != null) {
            try {
                response.setHeader("Content-Type", "application/json").setBody(JSON.writeValueAsString(answer.json()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            response.setHeader("Content-Type", "text/plain; charset=utf-8").setBody(answer.text());
        }
        return response;
    }

    /** The first value of each parameter, decoded as a form (kubectl encodes spaces in selectors as '+'). */
    static Map<String, String> parseQuery(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : queryPairs(query)) out.putIfAbsent(p.getKey(), p.getValue());
        return out;
    }

    /** Every parameter in order, decoded as a form; a parameter may repeat (exec sends {@code command} once per word). */
    static List<Map.Entry<String, String>> queryPairs(String query) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.add(Map.entry(key, value));
        }
        return out;
    }
}
