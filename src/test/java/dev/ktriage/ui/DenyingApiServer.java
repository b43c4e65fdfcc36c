package dev.ktriage.ui;

import com.sun.net.httpserver.HttpServer;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.cluster.Fabric8ClusterGateway;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An API server for credentials that may read nothing: every read is 403 and every access review
 * answers "not allowed", as a cluster with no RBAC rule for the user does. Real HTTP, reached by the
 * real fabric8 gateway. The preflight tests of run, the TUI and the REPL share it.
 */
public final class DenyingApiServer implements AutoCloseable {

    private final HttpServer server;

    public DenyingApiServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            int status;
            if (path.endsWith("/selfsubjectaccessreviews")) {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                status = 201;
                body = ("{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\",\"spec\":" + spec(request)
                        + ",\"status\":{\"allowed\":false,\"reason\":\"no RBAC rule\"}}").getBytes(StandardCharsets.UTF_8);
            } else {
                status = 403;
                body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403,\"message\":\"forbidden\"}"
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The gateway ktriage uses for a live cluster, pointed here. */
    public ClusterGateway gateway() {
        return Fabric8ClusterGateway.forUrl(url(), Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Echo the request's spec back, as the API server does. */
    private static String spec(String request) {
        int i = request.indexOf("\"spec\"");
        if (i < 0) return "{}";
        int start = request.indexOf('{', i);
        int depth = 0;
        for (int j = start; j < request.length(); j++) {
            if (request.charAt(j) == '{') depth++;
            if (request.charAt(j) == '}' && --depth == 0) return request.substring(start, j + 1);
        }
        return "{}";
    }
}
