package dev.ktriage.lab.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a scenario folder (format: docs/scenarios.md). Strict: unknown keys, wrong types and
 * misplaced files are errors naming file:line:column, because a typo in a scenario would
 * otherwise silently test something else.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    public static Scenario load(Path dir) {
        if (!Files.isDirectory(dir)) throw new ScenarioException(dir + ": scenario folder not found");
        Path cluster = dir.resolve("cluster.yaml");
        if (!Files.isRegularFile(cluster)) throw new ScenarioException(cluster + ": missing (every scenario needs cluster.yaml)");
        Path raw = dir.resolve("raw.yaml");
        Path expect = dir.resolve("expect.yaml");
        return new Scenario(
                dir,
                ClusterObjectsReader.read(cluster),
                readLogs(dir.resolve("logs")),
                Files.isRegularFile(raw) ? RawResponsesReader.read(raw) : List.of(),
                readNodes(dir.resolve("nodes")),
                Files.isRegularFile(expect) ? Optional.of(ExpectationReader.read(expect)) : Optional.empty());
    }

    private static Map<LogKey, String> readLogs(Path logs) {
        Map<LogKey, String> out = new LinkedHashMap<>();
        if (!Files.isDirectory(logs)) return out;
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = logs.relativize(file);
                String name = file.getFileName().toString();
                if (rel.getNameCount() != 3 || !name.endsWith(".log")) {
                    throw new ScenarioException(file + ": unexpected file (logs are logs/NAMESPACE/POD/CONTAINER.log or CONTAINER.previous.log)");
                }
                boolean previous = name.endsWith(".previous.log");
                String container = name.substring(0, name.length() - (previous ? ".previous.log" : ".log").length());
                out.put(new LogKey(rel.getName(0).toString(), rel.getName(1).toString(), container, previous),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ScenarioException(logs + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    private static Map<String, NodeSpec> readNodes(Path nodes) {
        Map<String, NodeSpec> out = new LinkedHashMap<>();
        if (!Files.isDirectory(nodes)) return out;
        try (Stream<Path> files = Files.list(nodes)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file) || !name.endsWith(".yaml")) {
                    throw new ScenarioException(file + ": unexpected file (nodes are nodes/NODE.yaml)");
                }
                NodeSpec spec = NodeSpecReader.read(file, name.substring(0, name.length() - ".yaml".length()));
                out.put(spec.name(), spec);
            }
        } catch (IOException e) {
            throw new ScenarioException(nodes + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }
}
