package dev.ktriage.plugin;

import dev.ktriage.playbook.PlaybookFile;
import java.nio.file.Path;
import java.util.List;

/**
 * A source of playbooks: the built-ins, a plugin folder or a plugin jar. Built-ins are a plugin
 * like any other, loaded the same way.
 *
 * @param root        the plugin folder, or null for plugins inside a jar (incl. the built-ins)
 * @param classLoader where its Java extractors come from
 */
public record Plugin(PluginManifest manifest, Path root, List<PlaybookFile> playbooks, ClassLoader classLoader) {

    public static final String BUILT_IN = "built-in";

    public String id() {
        return manifest.id();
    }

    public boolean isBuiltIn() {
        return BUILT_IN.equals(manifest.id());
    }
}
