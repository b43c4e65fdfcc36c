package dev.ktriage.ui;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An API server that lets these credentials read nothing, as PreflightTest's: every
 * SelfSubjectAccessReview says "not allowed", every read is 403 Forbidden. With a kubeconfig for it.
 */
public final class ForbiddingApi implements AutoCloseable {

    private final HttpServer server;
    private final Path kubeconfig;
    private final AtomicInteger reviews = new AtomicInteger();

    public ForbiddingApi(Path dir) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body;
                int status;
                if (exchange.getRequestURI().getPath().endsWith("/selfsubjectaccessreviews")) {
                    reviews.incrementAndGet();
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
            kubeconfig = Files.writeString(dir.resolve("forbidding-kubeconfig"), """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: c, cluster: {server: "http://127.0.0.1:%d"}}]
                    users: [{name: u, user: {token: not-a-real-token}}]
                    contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]
                    current-context: x
                    """.formatted(server.getAddress().getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** How many access reviews were asked. */
    public int reviews() {
        return reviews.get();
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

    @Override
    public void close() {
        server.stop(0);
    }
}
