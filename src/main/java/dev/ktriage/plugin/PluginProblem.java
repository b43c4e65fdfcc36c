package dev.ktriage.plugin;

/** Why a plugin was skipped: one line naming the plugin and, where known, file:line. */
public record PluginProblem(String plugin, String message) {

    @Override
    public String toString() {
        return "plugin '" + plugin + "' skipped: " + message;
    }
}
