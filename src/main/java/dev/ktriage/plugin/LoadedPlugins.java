package dev.ktriage.plugin;

import dev.ktriage.playbook.PlaybookCatalog;
import java.util.List;

/** What loading produced: the playbooks of every plugin that loaded, and why the others were skipped. */
public record LoadedPlugins(PlaybookCatalog catalog, List<Plugin> plugins, List<PluginProblem> problems) {

    public LoadedPlugins {
        plugins = List.copyOf(plugins);
        problems = List.copyOf(problems);
    }
}
