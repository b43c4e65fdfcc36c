package dev.ktriage.spi;

/**
 * The plugin API this ktriage implements. A plugin names the version it targets in its
 * plugin.yaml ({@code api: 2}); a plugin for another version is reported and skipped.
 *
 * <p>Version 2: YAML playbooks in playbook language version 2 (CEL; docs/playbooks.md) with lab
 * scenarios, and extractors implementing {@link dev.ktriage.spi.v2.Extractor}, registered through
 * {@code META-INF/services/dev.ktriage.spi.v2.Extractor} in the plugin's jar. Version 1 (its own
 * expression language, {@code dev.ktriage.spi.Extractor}) is no longer read.
 */
public final class PluginApi {

    public static final int VERSION = 2;

    private PluginApi() {
    }
}
