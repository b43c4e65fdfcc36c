package dev.ktriage.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The lab scenarios that ship with the built-in playbooks ({@code playbooks/ID/scenarios/NAME/}),
 * as folders on disk: read in place from a classes folder, unpacked once from the jar.
 */
public final class BuiltInScenarios {

    /** A scenario folder and the playbook it sits beside. */
    public record Entry(String playbook, String name, Path dir) {
    }

    private BuiltInScenarios() {
    }

    public static List<Entry> all() {
        Path root = root();
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> playbooks = Files.list(root)) {
            for (Path p : playbooks.sorted().toList()) {
                Path scenarios = p.resolve("scenarios");
                if (!Files.isDirectory(scenarios)) continue;
                try (Stream<Path> s = Files.list(scenarios)) {
                    s.filter(Files::isDirectory).sorted()
                            .forEach(d -> out.add(new Entry(p.getFileName().toString(), d.getFileName().toString(), d)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list built-in scenarios: " + e.getMessage(), e);
        }
        return out;
    }

    private static Path root() {
        try {
            Path location = Path.of(BuiltInScenarios.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) return location.resolve("playbooks");
            return unpack(location);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path unpack(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Path dir = TempFolders.create("ktriage-scenarios-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TempFolders.remove(dir), "scenarios-cleanup"));
            for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements(); ) {
                JarEntry je = e.nextElement();
                if (!je.getName().startsWith("playbooks/") || je.isDirectory()) continue;
                Path target = dir.resolve(je.getName()).normalize();
                if (!target.startsWith(dir)) continue;
                Files.createDirectories(target.getParent());
                try (InputStream in = jf.getInputStream(je)) {
                    Files.copy(in, target);
                }
            }
            return dir.resolve("playbooks");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack built-in scenarios: " + e.getMessage(), e);
        }
    }
}
