package dev.ktriage.spi;

/**
 * The plugin API this ktriage implements. A plugin names the version it targets in its
 * plugin.yaml ({@code api: 1}); a plugin for another version is reported and skipped.
 *
 * <p>Version 1: YAML playbooks with lab scenarios, and {@link Extractor}s registered through
 * {@code META-INF/services/dev.ktriage.spi.Extractor} in the plugin's jar.
 */
public final class PluginApi {

    public static final int VERSION = 1;

    private PluginApi() {
    }
}
