package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.ui.DenyingApiServer;
import java.io.IOException;
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
        try (DenyingApiServer server = new DenyingApiServer()) {
            Path kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: c, cluster: {server: "%s"}}]
                    users: [{name: u, user: {token: not-a-real-token}}]
                    contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]
                    current-context: x
                    """.formatted(server.url()));
            Cli r = Cli.run("run", "failing-probes", "--kubeconfig", kubeconfig.toString(), "--set", "pod=shop/web-1",
                    "--output", "json", "--transcript", tmp.resolve("t.jsonl").toString());
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains("ktriage: preflight: step 'failing-probes/pod-spec' will be inconclusive: not allowed to get pods"), r.err());
            assertTrue(r.err().contains("kubectl auth can-i"), r.err());
            assertEquals("inconclusive", r.json().get("steps").get(0).get("status").asText(), r.out());
            assertTrue(r.json().get("steps").get(0).get("reason").asText().contains("forbidden"), r.out());
        }
    }
}
