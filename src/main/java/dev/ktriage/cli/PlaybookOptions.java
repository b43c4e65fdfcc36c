package dev.ktriage.cli;

import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.plugin.CatalogCache;
import dev.ktriage.plugin.LoadedPlugins;
import dev.ktriage.plugin.PluginLoader;
import dev.ktriage.plugin.PluginPaths;
import dev.ktriage.plugin.PluginProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Which playbooks a command sees: the built-ins, the plugins (default places and {@code --plugins}),
 * and loose folders given with {@code --playbooks}. A plugin that fails to load is reported on
 * stderr, one line, and skipped; a {@code --playbooks} folder that fails to load is an error.
 */
final class PlaybookOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--playbooks", paramLabel = "DIR", description = "Also load playbooks from this folder (NAME/playbook.yaml or *.yaml).")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--plugins", paramLabel = "PATH", description = "Also load the plugin(s) at PATH: a plugin folder, a plugin jar, or a folder of plugins.")
    List<Path> plugins = new ArrayList<>();

    /** Where skipped plugins are reported when there is no picocli command (the start-up fast path). */
    private PrintWriter problemsTo;

    /** Playbooks loaded already (the REPL's, for the commands it shares): catalog() returns these. */
    private PlaybookCatalog loaded;

    PlaybookOptions reportingTo(PrintWriter err) {
        this.problemsTo = err;
        return this;
    }

    /**
     * The catalog, from the cache kept next to the jar when these sources have not changed since a
     * load without problems (there is then nothing to report), else loaded and reported.
     */
    PlaybookCatalog catalog() {
        return catalog(mixee != null ? mixee.commandLine().getErr() : problemsTo);
    }

    /** @param problemsTo where skipped plugins are reported; null: nowhere */
    PlaybookCatalog catalog(PrintWriter problemsTo) {
        if (loaded != null) return loaded;
        List<Path> paths = pluginPaths();
        CatalogCache cache = CatalogCache.forSources(paths, folders);
        if (cache == null) return report(PluginLoader.load(paths, folders), problemsTo).catalog();
        PlaybookCatalog cached = cache.read();
        return cached != null ? cached : report(cache.load(), problemsTo).catalog();
    }

    private List<Path> pluginPaths() {
        List<Path> paths = new ArrayList<>(PluginPaths.defaults());
        paths.addAll(plugins);
        return paths;
    }

    private LoadedPlugins report(LoadedPlugins loaded, PrintWriter err) {
        // Folders given with --playbooks are the author's work in progress: fail on them, loudly.
        for (PluginProblem p : loaded.problems()) {
            if (folders.stream().anyMatch(f -> f.toString().equals(p.plugin()))) throw new IllegalArgumentException(p.message());
        }
        if (err != null) {
            for (PluginProblem p : loaded.problems()) err.println("ktriage: " + p);
            err.flush();
        }
        return loaded;
    }

    PlaybookOptions loaded(PlaybookCatalog catalog) {
        this.loaded = catalog;
        return this;
    }
}
