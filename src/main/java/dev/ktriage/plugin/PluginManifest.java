package dev.ktriage.plugin;

import dev.ktriage.yaml.Location;

/** plugin.yaml: who the plugin is and which plugin API it targets. */
public record PluginManifest(String id, String version, int api, String description, Location at) {
}
