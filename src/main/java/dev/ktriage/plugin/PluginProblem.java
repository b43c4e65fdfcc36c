package dev.ktriage.plugin;

/**
 * Why a plugin, or one built-in playbook, was skipped: one line naming it and, where known,
 * file:line.
 *
 * @param playbook null when the whole plugin was skipped; else the one playbook (its file) left out
 */
public record PluginProblem(String plugin, String message, String playbook) {

    public PluginProblem(String plugin, String message) {
        this(plugin, message, null);
    }

    @Override
    public String toString() {
        return playbook == null ? "plugin '" + plugin + "' skipped: " + message : "playbook " + playbook + " skipped: " + message;
    }
}
