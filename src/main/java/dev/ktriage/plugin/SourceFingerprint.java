package dev.ktriage.plugin;

import dev.ktriage.playbook.PlaybookSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Everything loading the playbooks would read, as one string: the same files, found by the same rules
 * ({@link PluginLoader#expand}, {@link PluginReader}, {@link PlaybookSources#playbookFiles}). Two equal
 * fingerprints mean the same load. Jars (ktriage's own, plugins') count by path, size, modification
 * time and file key; YAML files also by their content's CRC-32, as an edit can keep the size and land
 * within the file system's timestamp granularity.
 */
final class SourceFingerprint {

    /** Sources that cannot be fingerprinted: a plugin whose classes come from a classes folder, which can change unseen. */
    static final class Unfit extends Exception {
        Unfit(String why) {
            super(why, null, false, false);
        }
    }

    private final StringBuilder out = new StringBuilder(4096);

    private SourceFingerprint() {
    }

    static String of(Path builtIn, List<Path> pluginPaths, List<Path> playbookFolders) throws IOException, Unfit {
        SourceFingerprint f = new SourceFingerprint();
        f.line("built-in");
        if (Files.isDirectory(builtIn)) f.playbookFolder(PlaybookSources.builtInFolder(builtIn));
        else f.file(builtIn, false);
        for (Path dir : playbookFolders) {
            f.line("playbooks " + dir);
            if (Files.isDirectory(dir)) f.playbookFolder(dir);
            else f.line("not a folder");
        }
        for (Path p : pluginPaths) {
            f.line("plugins " + p);
            List<PluginProblem> problems = new ArrayList<>();
            for (Path plugin : PluginLoader.expand(p, problems)) f.plugin(plugin);
            for (PluginProblem problem : problems) f.line("problem " + problem);
        }
        return f.out.toString();
    }

    private void plugin(Path p) throws IOException, Unfit {
        line("plugin " + p);
        if (!Files.isDirectory(p)) {
            if (Files.isRegularFile(p)) file(p, false);
            return;
        }
        if (PluginReader.usesClassesFolder(p)) throw new Unfit(p + " loads its classes from target/classes");
        Path manifest = p.resolve(PluginReader.MANIFEST);
        if (Files.isRegularFile(manifest)) file(manifest, true);
        playbookFolder(p.resolve("playbooks"));
        // every jar, also those the reader skips (original-*.jar): more than needed never gives a stale load
        for (Path d : List.of(p, p.resolve("lib"), p.resolve("target"))) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.list(d)) {
                for (Path j : s.filter(j -> j.toString().endsWith(".jar")).sorted().toList()) file(j, false);
            }
        }
    }

    private void playbookFolder(Path dir) throws IOException {
        line("folder " + dir);
        for (Path f : PlaybookSources.playbookFiles(dir)) file(f, true);
    }

    private void file(Path p, boolean content) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        out.append(p).append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().to(TimeUnit.NANOSECONDS))
                .append(' ').append(a.fileKey());
        if (content) {
            CRC32 crc = new CRC32();
            crc.update(Files.readAllBytes(p));
            out.append(" crc ").append(Long.toHexString(crc.getValue()));
        }
        out.append('\n');
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
