package dev.ktriage.plugin;

import dev.ktriage.playbook.PlaybookFile;
import dev.ktriage.playbook.PlaybookSources;
import dev.ktriage.yaml.Location;
import dev.ktriage.yaml.YNode;
import dev.ktriage.yaml.YamlException;
import dev.ktriage.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a plugin from a folder ({@code plugin.yaml}, {@code playbooks/}, jars in the folder, in
 * {@code lib/} or built into {@code target/}) or from a jar (the same layout inside it).
 */
public final class PluginReader {

    public static final String MANIFEST = "plugin.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private PluginReader() {
    }

    public static Plugin builtIn() {
        return new Plugin(new PluginManifest(Plugin.BUILT_IN, "", dev.ktriage.spi.PluginApi.VERSION, "the playbooks that ship with ktriage",
                new Location("playbooks", 0, 0)), null, PlaybookSources.builtIn(), PluginReader.class.getClassLoader());
    }

    /** A folder of playbooks without a manifest ({@code --playbooks DIR}), loaded like a plugin. */
    public static Plugin playbookFolder(Path dir) {
        String id = dir.toString();
        return new Plugin(new PluginManifest(id, "", dev.ktriage.spi.PluginApi.VERSION, "playbooks from " + dir,
                new Location(dir.toString(), 0, 0)), dir, PlaybookSources.fromFolder(dir, dir.toString(), id),
                PluginReader.class.getClassLoader());
    }

    /** @throws YamlException or {@link UncheckedIOException} with a one-line message */
    public static Plugin read(Path path) {
        if (Files.isDirectory(path)) return folder(path);
        if (Files.isRegularFile(path) && path.toString().endsWith(".jar")) return jar(path);
        throw new YamlException(new Location(path.toString(), 0, 0), "not a plugin folder or jar");
    }

    private static Plugin folder(Path dir) {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new YamlException(new Location(dir.toString(), 0, 0), "no " + MANIFEST + " in the plugin folder");
        }
        PluginManifest m = manifest(YamlReader.readOne(manifestFile, manifestFile.toString()));
        List<PlaybookFile> playbooks = PlaybookSources.fromFolder(dir.resolve("playbooks"), dir.resolve("playbooks").toString(), m.id());
        return new Plugin(m, dir, playbooks, folderClassLoader(dir, m.id()));
    }

    /** The jars of a plugin folder: in the folder, in {@code lib/} and built into {@code target/}. */
    static List<Path> folderJars(Path dir) {
        List<Path> jars = new ArrayList<>();
        for (Path d : List.of(dir, dir.resolve("lib"), dir.resolve("target"))) jars.addAll(jarsIn(d));
        return jars;
    }

    /** A plugin folder without jars whose classes come from {@code target/classes} (its own build). */
    static boolean usesClassesFolder(Path dir) {
        return folderJars(dir).isEmpty() && Files.isDirectory(dir.resolve("target/classes"));
    }

    static ClassLoader folderClassLoader(Path dir, String id) {
        List<URL> jars = new ArrayList<>();
        for (Path j : folderJars(dir)) jars.add(url(j));
        // Inside the plugin's own build (its tests run before its jar exists) the classes folder stands in.
        if (jars.isEmpty() && Files.isDirectory(dir.resolve("target/classes"))) jars.add(url(dir.resolve("target/classes")));
        return jars.isEmpty() ? PluginReader.class.getClassLoader()
                : new URLClassLoader("plugin-" + id, jars.toArray(URL[]::new), PluginReader.class.getClassLoader());
    }

    static ClassLoader jarClassLoader(Path jar, String id) {
        return new URLClassLoader("plugin-" + id, new URL[] {url(jar)}, PluginReader.class.getClassLoader());
    }

    private static Plugin jar(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            JarEntry me = jf.getJarEntry(MANIFEST);
            if (me == null) throw new YamlException(new Location(jar.toString(), 0, 0), "no " + MANIFEST + " at the root of the jar");
            PluginManifest m = manifest(YamlReader.readAll(read(jf, me), jar + "!/" + MANIFEST).stream().findFirst()
                    .orElseThrow(() -> new YamlException(new Location(jar + "!/" + MANIFEST, 1, 1), "empty " + MANIFEST)));
            List<PlaybookFile> playbooks = new ArrayList<>();
            List<JarEntry> entries = new ArrayList<>();
            for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements(); ) {
                JarEntry je = e.nextElement();
                if (je.getName().matches("playbooks/[^/]+/" + Pattern.quote(PlaybookSources.PLAYBOOK_FILE))) entries.add(je);
            }
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (JarEntry je : entries) playbooks.add(new PlaybookFile(jar + "!/" + je.getName(), read(jf, je), m.id()));
            return new Plugin(m, null, playbooks, jarClassLoader(jar, m.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read plugin jar " + jar + ": " + e.getMessage(), e);
        }
    }

    private static PluginManifest manifest(YNode doc) {
        YNode.YMap m = doc.asMap().onlyKeys(Set.of("id", "version", "api", "description"));
        String id = m.require("id").asText();
        if (!ID.matcher(id).matches()) throw m.get("id").error("'" + id + "' is not a valid plugin id (lowercase words joined by '-')");
        if (id.equals(Plugin.BUILT_IN)) throw m.get("id").error("'" + id + "' is reserved");
        return new PluginManifest(id, m.text("version", "0"), m.require("api").asInt(), m.text("description", ""), m.at());
    }

    private static List<Path> jarsIn(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar") && !p.getFileName().toString().startsWith("original-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(JarFile jf, JarEntry e) throws IOException {
        try (InputStream in = jf.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
