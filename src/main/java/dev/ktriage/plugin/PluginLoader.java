package dev.ktriage.plugin;

import dev.ktriage.playbook.DiagnosisSpec;
import dev.ktriage.playbook.ExtractorRegistry;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.PlaybookFile;
import dev.ktriage.playbook.PlaybookLoader;
import dev.ktriage.playbook.Rule;
import dev.ktriage.spi.PluginApi;
import dev.ktriage.yaml.YNode;
import dev.ktriage.yaml.YamlException;
import dev.ktriage.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Loads plugins forgivingly: each plugin loads whole or not at all, and a broken one (bad YAML,
 * an unknown extractor type, an id another plugin or the built-ins already use, another plugin API
 * version) is reported with file:line and skipped while the rest load.
 */
public final class PluginLoader {

    private PluginLoader() {
    }

    /**
     * @param paths plugin folders, plugin jars, or folders holding several plugins; the built-ins come first
     */
    public static LoadedPlugins load(List<Path> paths) {
        return load(paths, List.of());
    }

    /**
     * @param playbookFolders loose playbook folders ({@code --playbooks}), each loaded like a plugin named after it
     */
    public static LoadedPlugins load(List<Path> paths, List<Path> playbookFolders) {
        return load(paths, playbookFolders, (plugin, playbooks) -> { });
    }

    /** A playbook as loaded, with the YAML it was read from (what {@link CatalogCache} keeps). */
    record Parsed(PlaybookFile file, List<YNode> docs, Playbook playbook) {
    }

    /** @param onLoaded told of each plugin that loaded, in catalog order, with its playbooks */
    static LoadedPlugins load(List<Path> paths, List<Path> playbookFolders, BiConsumer<Plugin, List<Parsed>> onLoaded) {
        List<PluginProblem> problems = new ArrayList<>();
        List<Plugin> plugins = new ArrayList<>();
        plugins.add(PluginReader.builtIn());
        for (Path dir : playbookFolders) {
            if (!Files.isDirectory(dir)) {
                problems.add(new PluginProblem(dir.toString(), "playbook folder not found: " + dir));
                continue;
            }
            plugins.add(PluginReader.playbookFolder(dir));
        }
        for (Path p : paths) {
            for (Path candidate : expand(p, problems)) {
                try {
                    plugins.add(PluginReader.read(candidate));
                } catch (YamlException | UncheckedIOException e) {
                    problems.add(new PluginProblem(candidate.getFileName().toString(), e.getMessage()));
                }
            }
        }
        PlaybookCatalog catalog = new PlaybookCatalog();
        Map<String, String> diagnosisOwners = new HashMap<>();
        List<Plugin> loaded = new ArrayList<>();
        for (Plugin plugin : plugins) {
            try {
                // the built-ins load playbook by playbook: one broken file must not take the others with it
                List<Parsed> parsed = plugin.isBuiltIn() ? parseEach(plugin, catalog, problems) : parse(plugin);
                List<Playbook> playbooks = parsed.stream().map(Parsed::playbook).toList();
                checkIds(plugin, playbooks, catalog, diagnosisOwners);
                catalog.checkHandoffs(playbooks);
                for (Playbook pb : playbooks) {
                    catalog.add(pb);
                    pb.diagnoses().keySet().forEach(d -> diagnosisOwners.put(d, pb.at().file()));
                }
                loaded.add(plugin);
                onLoaded.accept(plugin, parsed);
            } catch (YamlException | IllegalStateException | ServiceConfigurationError | UncheckedIOException e) {
                problems.add(new PluginProblem(plugin.id(), firstLine(e.getMessage())));
            }
        }
        return new LoadedPlugins(catalog, loaded, problems);
    }

    private static List<Parsed> parse(Plugin plugin) {
        if (plugin.manifest().api() != PluginApi.VERSION) {
            throw new YamlException(plugin.manifest().at(), "targets plugin API " + plugin.manifest().api()
                    + "; this ktriage implements API " + PluginApi.VERSION + (plugin.manifest().api() == 1
                    ? ": write 'api: 2', add 'version: 2' to each playbook and move its expressions to CEL"
                    + " (docs/playbooks.md, 'Migrating from version 1'); Java extractors implement dev.ktriage.spi.v2.Extractor" : ""));
        }
        PlaybookLoader loader = new PlaybookLoader(ExtractorRegistry.fromClassLoader(plugin.classLoader()));
        List<Parsed> out = new ArrayList<>();
        for (PlaybookFile f : plugin.playbooks()) out.add(parse(loader, f));
        return out;
    }

    private static Parsed parse(PlaybookLoader loader, PlaybookFile f) {
        List<YNode> docs = YamlReader.readAllWithSource(f.text(), f.displayName());
        return new Parsed(f, docs, loader.load(docs, f.displayName(), f.origin()));
    }

    /**
     * The plugin's playbooks that load, each on its own; one that does not is reported and left
     * out, and so is one that hands off to a playbook that is not there (until none is left).
     */
    static List<Parsed> parseEach(Plugin plugin, PlaybookCatalog catalog, List<PluginProblem> problems) {
        PlaybookLoader loader = new PlaybookLoader(ExtractorRegistry.fromClassLoader(plugin.classLoader()));
        List<Parsed> out = new ArrayList<>();
        for (PlaybookFile f : plugin.playbooks()) {
            try {
                out.add(parse(loader, f));
            } catch (YamlException | IllegalStateException e) {
                problems.add(new PluginProblem(plugin.id(), firstLine(e.getMessage()), f.displayName()));
            }
        }
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            Set<String> ids = new HashSet<>();
            out.forEach(p -> ids.add(p.playbook().id()));
            for (Parsed p : List.copyOf(out)) {
                Rule.Handoff missing = PlaybookCatalog.unknownHandoff(p.playbook(), id -> ids.contains(id) || catalog.find(id).isPresent());
                if (missing == null) continue;
                out.remove(p);
                problems.add(new PluginProblem(plugin.id(), "it hands off to '" + missing.playbook() + "', which did not load",
                        p.file().displayName()));
                dropped = true;
            }
        }
        return out;
    }

    private static void checkIds(Plugin plugin, List<Playbook> playbooks, PlaybookCatalog catalog, Map<String, String> diagnosisOwners) {
        Set<String> own = new HashSet<>();
        for (Playbook pb : playbooks) {
            if (!own.add(pb.id())) throw new YamlException(pb.at(), "playbook id '" + pb.id() + "' is defined twice in plugin " + plugin.id());
            catalog.find(pb.id()).ifPresent(other -> {
                throw new YamlException(pb.at(), "playbook id '" + pb.id() + "' clashes with " + describe(other));
            });
            for (DiagnosisSpec d : pb.diagnoses().values()) {
                String owner = diagnosisOwners.get(d.id());
                if (owner != null) throw new YamlException(d.at(), "diagnosis id '" + d.id() + "' clashes with one in " + owner);
            }
        }
    }

    private static String describe(Playbook p) {
        return (p.origin().equals(Plugin.BUILT_IN) ? "a built-in playbook" : "plugin " + p.origin()) + " (" + p.at().file() + ")";
    }

    /** A plugin folder or jar stands for itself; any other folder for the plugins in it. */
    static List<Path> expand(Path p, List<PluginProblem> problems) {
        if (!Files.exists(p)) {
            problems.add(new PluginProblem(p.getFileName() == null ? p.toString() : p.getFileName().toString(), p + ": no such file or folder"));
            return List.of();
        }
        if (Files.isRegularFile(p) || Files.isRegularFile(p.resolve(PluginReader.MANIFEST))) return List.of(p);
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(c -> Files.isRegularFile(c.resolve(PluginReader.MANIFEST)) || c.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            problems.add(new PluginProblem(p.toString(), "cannot list: " + e.getMessage()));
            return List.of();
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "failed to load";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
