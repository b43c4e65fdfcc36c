package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Option injection through a cluster value: annotations that would turn a read into a write
 * (`sysctl -n --system`, `journalctl -u --rotate`, `ip route get -batch`) pass the old "looks like a
 * name" check, and each step is refused at the position's type; the node receives nothing.
 */
class OptionInjectionTest {

    @TempDir
    Path tmp;

    @Test
    void aClusterValueStartingWithADashIsRefusedAndNothingIsSent() throws Exception {
        Path plugin = tmp.resolve("injection");
        Path book = Files.createDirectories(plugin.resolve("playbooks/injection"));
        Files.writeString(plugin.resolve("plugin.yaml"), "id: injection\nversion: 0.1.0\napi: 2\n");
        Files.writeString(book.resolve("playbook.yaml"), """
                version: 2
                id: injection
                title: Values from annotations on their way to node commands
                inputs:
                  - {id: pod, kind: pod}
                steps:
                  - id: pod
                    gather: {cluster: {get: pods, namespace: "${pod.namespace}", name: "${pod.name}"}}
                    let:
                      key: "response.body.metadata.annotations.key"
                      unit: "response.body.metadata.annotations.unit"
                      ip: "response.body.metadata.annotations.ip"
                    next: [{goto: key}]
                  - id: key
                    gather: {node: {on: "node0", run: "sysctl -n ${key}"}}
                    onFailure: unit
                    next: [{goto: unit}]
                  - id: unit
                    gather: {node: {on: "node0", run: "journalctl -u ${unit} --no-pager"}}
                    onFailure: ip
                    next: [{goto: ip}]
                  - id: ip
                    gather: {node: {on: "node0", run: "ip route get ${ip}"}}
                    onFailure: done
                    next: [{goto: done}]
                  - id: done
                    gather: {node: {on: "node0", run: "sysctl -n kernel.ostype"}}
                    next: [{end: true}]
                """);
        Path scenario = Files.createDirectories(tmp.resolve("scenario/nodes"));
        Files.writeString(scenario.resolveSibling("cluster.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-1
                  namespace: default
                  annotations: {key: "--system", unit: "--rotate", ip: "-batch"}
                spec: {nodeName: node0, containers: [{name: web, image: nginx}]}
                status: {phase: Running, podIP: 10.0.0.7}
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: node0}
                """);
        Files.writeString(scenario.resolve("node0.yaml"), "sysctls: {kernel.ostype: Linux}\n");
        Cli r = Cli.run("run", "injection", "--plugins", plugin.toString(), "--lab", scenario.getParent().toString(),
                "--set", "pod=default/web-1", "--output", "json", "--transcript", tmp.resolve("t.jsonl").toString());
        JsonNode out = r.json();
        int refused = 0;
        for (JsonNode step : out.path("steps")) {
            String id = step.path("id").asText();
            if (List.of("key", "unit", "ip").contains(id)) {
                assertEquals("inconclusive", step.path("status").asText(), step.toString());
                refused++;
            }
        }
        assertEquals(3, refused, out.toString());
        assertEquals("done", out.path("steps").get(out.path("steps").size() - 1).path("status").asText(), "the session went on: " + out);
        String transcript = Files.readString(tmp.resolve("t.jsonl"));
        assertTrue(transcript.contains("starts with '-' (it would be read as an option)"), transcript);
        assertTrue(transcript.contains("'--system' is refused as sysctl key"), transcript);
        assertTrue(out.path("unansweredCommands").isMissingNode(), "the lab answered or was asked nothing else: " + out);
        assertTrue(transcript.contains("kernel.ostype") && !transcript.contains("\"argv\":[\"sysctl\",\"-n\",\"--system\"]"), transcript);
    }
}
