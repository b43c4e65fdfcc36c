package dev.ktriage.cli;

import dev.ktriage.lab.ScenarioCheck;
import dev.ktriage.plugin.LoadedPlugins;
import dev.ktriage.plugin.PluginLoader;
import dev.ktriage.plugin.PluginProblem;
import dev.ktriage.plugin.PluginScenarios;
import dev.ktriage.ui.batch.BatchOperator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plugin", description = "Work with plugins.", subcommands = PluginCommand.Test.class)
final class PluginCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "test", description = {
            "Load a plugin and run every scenario's expect.yaml on the embedded lab: pass or fail per scenario.",
            "Exit 0 when all pass, 1 when the plugin does not load or a scenario fails."})
    static final class Test implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The plugin folder (or jar).")
        Path dir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            LoadedPlugins loaded = PluginLoader.load(List.of(dir));
            for (PluginProblem p : loaded.problems()) throw new IllegalArgumentException(p.toString());
            List<Path> scenarios = PluginScenarios.of(dir);
            if (scenarios.isEmpty()) throw new IllegalArgumentException("no scenarios with an expect.yaml under " + dir);
            ScenarioCheck check = new ScenarioCheck(loaded.catalog(), BatchOperator::new);
            int passed = 0;
            int failed = 0;
            for (Path s : scenarios) {
                ScenarioCheck.Verdict v = check.check(s);
                String name = dir.relativize(s).toString();
                if (v.passed()) {
                    passed++;
                    out.println("PASS " + name + "  " + (v.diagnoses().isEmpty() ? "(no diagnosis)" : v.diagnoses()));
                } else {
                    failed++;
                    out.println("FAIL " + name + "  " + v.problem());
                }
                out.flush();
            }
            out.println(passed + " passed, " + failed + " failed");
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }
}
