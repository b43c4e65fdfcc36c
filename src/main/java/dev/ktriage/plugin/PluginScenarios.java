package dev.ktriage.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The scenario folders of a plugin (or a playbook folder): every playbooks/ID/scenarios/NAME with an expect.yaml. */
public final class PluginScenarios {

    private PluginScenarios() {
    }

    public static List<Path> of(Path root) {
        List<Path> out = new ArrayList<>();
        Path playbooks = Files.isDirectory(root.resolve("playbooks")) ? root.resolve("playbooks") : root;
        try (Stream<Path> s = Files.walk(playbooks, 3)) {
            s.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("scenarios"))
                    .filter(p -> Files.isRegularFile(p.resolve("expect.yaml")))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenarios in " + root + ": " + e.getMessage(), e);
        }
        return out;
    }
}
