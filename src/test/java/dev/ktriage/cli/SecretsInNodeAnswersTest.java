package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.redact.LeakyNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of secret a node can answer with, and none of it in the JSON, the Markdown report or the transcript. */
class SecretsInNodeAnswersTest {

    @TempDir
    Path tmp;

    private Cli run(String output, Path transcript) {
        return Cli.run("run", LeakyNode.PLAYBOOK, "--plugins", LeakyNode.PLUGIN.toString(), "--lab", LeakyNode.SCENARIO.toString(),
                "--set", "node=node0", "--output", output, "--transcript", transcript.toString());
    }

    @Test
    void theJsonTheReportAndTheTranscriptHoldNoSecret() throws Exception {
        Path transcript = tmp.resolve("leaky.jsonl");
        Cli json = run("json", transcript);
        assertEquals(0, json.exit(), json.toString());
        assertEquals("secrets-in-node-logs", json.json().path("diagnoses").path(0).path("id").asText());
        assertEquals(List.of(), LeakyNode.leaked(json.out()), "in the JSON");
        assertEquals(List.of(), LeakyNode.leaked(Files.readString(transcript)), "in the transcript");
        // what is not secret is kept: who the kubelet is, and that keys were there
        assertTrue(json.out().contains("client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem"), json.out());
        assertTrue(json.out().contains("BEGIN RSA PRIVATE KEY"), json.out());

        Cli md = run("markdown", tmp.resolve("leaky2.jsonl"));
        assertEquals(0, md.exit(), md.toString());
        assertTrue(md.out().contains("secrets-in-node-logs"), md.out());
        assertEquals(List.of(), LeakyNode.leaked(md.out()), "in the Markdown report");

        Cli replay = Cli.run("replay", transcript.toString(), "--plugins", LeakyNode.PLUGIN.toString());
        assertEquals(0, replay.exit(), "the redacted transcript still replays to the same diagnosis: " + replay);
    }
}
