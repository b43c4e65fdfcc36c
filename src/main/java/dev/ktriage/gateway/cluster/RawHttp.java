package dev.ktriage.gateway.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Logs and non-resource paths over fabric8's HTTP client (authenticated like the rest of the
 * client). The status code is kept: for raw paths it is the finding ("metrics API answers 503"),
 * and the pod log DSL would hide the server's 400 for a missing previous log behind an exception
 * and look up the pod's default container on its own.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final Duration timeout;

    RawHttp(KubernetesClient client, Duration timeout) {
        this.http = client.getHttpClient();
        String url = client.getMasterUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeout = timeout;
    }

    ClusterAnswer logs(ClusterRequest.Logs logs, long start) {
        StringBuilder path = new StringBuilder("/api/v1/namespaces/").append(Fabric8ClusterGateway.encode(logs.namespace()))
                .append("/pods/").append(Fabric8ClusterGateway.encode(logs.pod())).append("/log");
        char sep = '?';
        if (logs.container() != null) {
            path.append(sep).append("container=").append(Fabric8ClusterGateway.encode(logs.container()));
            sep = '&';
        }
        if (logs.previous()) {
            path.append(sep).append("previous=true");
            sep = '&';
        }
        if (logs.tailLines() != null) path.append(sep).append("tailLines=").append(logs.tailLines());
        HttpResponse<String> response;
        try {
            response = send(path.toString());
        } catch (Exception e) {
            return failed(e, "get pods/log in namespace " + logs.namespace(), start);
        }
        long ms = millisSince(start);
        if (response.code() == 403) return forbidden("get", "pods/log", logs.namespace(), ms);
        if (response.isSuccessful()) return ClusterAnswer.text(response.code(), response.body(), ms);
        // 400 "previous terminated container ... not found" and 404 are answers a playbook judges;
        // the Status document stays in the body and its message becomes the reason.
        JsonNode status = parseJson(response.body());
        String message = status != null ? status.path("message").asText(response.body()) : response.body();
        return new ClusterAnswer(dev.ktriage.gateway.GatherStatus.OK, response.code(), status,
                status == null ? response.body() : null, message, ms);
    }

    /** Any status code is an answer: the path's own code is what the playbook looks at. */
    ClusterAnswer raw(String path, long start) {
        HttpResponse<String> response;
        try {
            response = send(path);
        } catch (Exception e) {
            return failed(e, "get " + path, start);
        }
        long ms = millisSince(start);
        String contentType = response.header("Content-Type");
        JsonNode json = contentType != null && contentType.contains("json") || looksLikeJson(response.body())
                ? parseJson(response.body()) : null;
        return json != null ? ClusterAnswer.json(response.code(), json, ms) : ClusterAnswer.text(response.code(), response.body(), ms);
    }

    private HttpResponse<String> send(String path) throws Exception {
        HttpRequest request = http.newHttpRequestBuilder().uri(base + path).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
        try {
            // The client enforces the timeout; the extra second only guards against a client that does not.
            return http.sendAsync(request, String.class).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static ClusterAnswer failed(Exception e, String what, long start) {
        ClusterFailure f = ClusterFailure.of(e, what);
        return ClusterAnswer.failed(f.status(), f.httpCode(), f.reason(), millisSince(start));
    }

    private static ClusterAnswer forbidden(String verb, String resource, String namespace, long ms) {
        ClusterFailure f = ClusterFailure.forbidden(verb, resource, namespace);
        return ClusterAnswer.failed(f.status(), f.httpCode(), f.reason(), ms);
    }

    private static boolean looksLikeJson(String body) {
        String b = body == null ? "" : body.stripLeading();
        return b.startsWith("{") || b.startsWith("[");
    }

    private static JsonNode parseJson(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isContainerNode() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
