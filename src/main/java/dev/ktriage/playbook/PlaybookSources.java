package dev.ktriage.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds playbook files: the built-ins packaged with ktriage, and folders given by the operator. */
public final class PlaybookSources {

    /** Built-ins live in the jar (or the classes folder) under this prefix, mirroring the repo's playbooks/. */
    static final String BUILT_IN = "playbooks/";
    public static final String PLAYBOOK_FILE = "playbook.yaml";

    private PlaybookSources() {
    }

    public static List<PlaybookFile> builtIn() {
        Path location = builtInLocation();
        return Files.isDirectory(location) ? fromFolder(builtInFolder(location), "playbooks", "built-in") : fromJar(location);
    }

    /** The ktriage jar, or the classes folder when running from one (tests, an IDE). */
    public static Path builtInLocation() {
        try {
            return Path.of(PlaybookSources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the built-ins are inside a classes folder given by {@link #builtInLocation()}. */
    public static Path builtInFolder(Path classesFolder) {
        return classesFolder.resolve(BUILT_IN);
    }

    /**
     * Every playbook in {@code dir}: each {@code NAME/playbook.yaml} (a playbook with its scenarios
     * beside it), and any *.yaml directly in the folder. Sorted by path.
     */
    public static List<PlaybookFile> fromFolder(Path dir, String displayPrefix, String origin) {
        List<PlaybookFile> out = new ArrayList<>();
        try {
            for (Path file : playbookFiles(dir)) {
                out.add(new PlaybookFile(displayPrefix + "/" + dir.relativize(file), Files.readString(file), origin));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read playbooks in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The files {@link #fromFolder} reads, sorted; none when {@code dir} is not a folder. */
    public static List<Path> playbookFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                Path file = Files.isDirectory(f) ? f.resolve(PLAYBOOK_FILE) : f;
                if (Files.isRegularFile(file) && isYaml(file)) out.add(file);
            }
        }
        return out;
    }

    private static List<PlaybookFile> fromJar(Path jar) {
        List<PlaybookFile> out = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            List<JarEntry> entries = new ArrayList<>();
            for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements(); ) {
                JarEntry je = e.nextElement();
                String name = je.getName();
                String rest = name.startsWith(BUILT_IN) ? name.substring(BUILT_IN.length()) : "";
                boolean flat = !rest.isEmpty() && rest.indexOf('/') < 0 && isYaml(Path.of(rest));
                boolean nested = rest.endsWith("/" + PLAYBOOK_FILE) && rest.indexOf('/') == rest.lastIndexOf('/');
                if (flat || nested) entries.add(je);
            }
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (JarEntry je : entries) {
                try (InputStream in = jf.getInputStream(je)) {
                    out.add(new PlaybookFile(je.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in playbooks from " + jar + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
