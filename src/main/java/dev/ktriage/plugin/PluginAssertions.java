package dev.ktriage.plugin;

import dev.ktriage.lab.ScenarioCheck;
import dev.ktriage.ui.batch.BatchOperator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * For a plugin's own build: the assertion {@code ktriage plugin test DIR} makes, as a call a JUnit
 * (or any) test can make — {@code PluginAssertions.assertScenariosPass(Path.of("."))}.
 */
public final class PluginAssertions {

    private PluginAssertions() {
    }

    /** @throws AssertionError naming every scenario that failed, or the reason the plugin did not load */
    public static void assertScenariosPass(Path pluginDir) {
        LoadedPlugins loaded = PluginLoader.load(List.of(pluginDir));
        if (!loaded.problems().isEmpty()) throw new AssertionError(loaded.problems().get(0).toString());
        List<Path> scenarios = PluginScenarios.of(pluginDir);
        if (scenarios.isEmpty()) throw new AssertionError("no scenarios with an expect.yaml under " + pluginDir);
        ScenarioCheck check = new ScenarioCheck(loaded.catalog(), BatchOperator::new);
        List<String> failures = new ArrayList<>();
        for (Path s : scenarios) {
            ScenarioCheck.Verdict v = check.check(s);
            if (!v.passed()) failures.add(pluginDir.relativize(s) + ": " + v.problem());
        }
        if (!failures.isEmpty()) throw new AssertionError(failures.size() + " of " + scenarios.size() + " scenarios failed:\n" + String.join("\n", failures));
    }
}
