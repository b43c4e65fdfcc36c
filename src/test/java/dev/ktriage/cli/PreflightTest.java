package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against an API server that lets these credentials read nothing: the preflight names the steps
 * that will be inconclusive and the missing verb/resource, and the session still runs to its end.
 */
class PreflightTest {

    @TempDir
    Path tmp;

    @Test
    void deniedReadsAreNamedUpFrontAndTheSessionGoesOn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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
        try {
            Path kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: c, cluster: {server: "http://127.0.0.1:%d"}}]
                    users: [{name: u, user: {token: not-a-real-token}}]
                    contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]
                    current-context: x
                    """.formatted(server.getAddress().getPort()));
            Cli r = Cli.run("run", "failing-probes", "--kubeconfig", kubeconfig.toString(), "--set", "pod=shop/web-1",
                    "--output", "json", "--transcript", tmp.resolve("t.jsonl").toString());
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains("ktriage: preflight: step 'failing-probes/pod-spec' will be inconclusive: not allowed to get pods"), r.err());
            assertTrue(r.err().contains("kubectl auth can-i"), r.err());
            assertEquals("inconclusive", r.json().get("steps").get(0).get("status").asText(), r.out());
            assertTrue(r.json().get("steps").get(0).get("reason").asText().contains("forbidden"), r.out());
        } finally {
            server.stop(0);
        }
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
