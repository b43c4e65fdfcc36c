package dev.ktriage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import picocli.CommandLine.Option;
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

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        String output;

        @Override
        public Integer call() throws Exception {
            boolean json = TextOrJson.json(output);
            PrintWriter out = spec.commandLine().getOut();
            LoadedPlugins loaded = PluginLoader.load(List.of(dir));
            for (PluginProblem p : loaded.problems()) throw new IllegalArgumentException(p.toString());
            List<Path> scenarios = PluginScenarios.of(dir);
            if (scenarios.isEmpty()) throw new IllegalArgumentException("no scenarios with an expect.yaml under " + dir);
            ScenarioCheck check = new ScenarioCheck(loaded.catalog(), BatchOperator::new);
            ObjectNode root = TextOrJson.object();
            root.put("plugin", dir.toString());
            ArrayNode rows = root.putArray("scenarios");
            int passed = 0;
            int failed = 0;
            for (Path s : scenarios) {
                String name = dir.relativize(s).toString();
                ScenarioCheck.Verdict v;
                try {
                    v = check.check(s);
                } catch (RuntimeException e) {
                    // a scenario that does not load (a broken expect.yaml, say) is one failed case, not the end of the run
                    v = new ScenarioCheck.Verdict(s, false, Errors.oneLine(e), List.of());
                }
                if (v.passed()) passed++;
                else failed++;
                ObjectNode row = rows.addObject();
                row.put("scenario", name);
                row.put("passed", v.passed());
                v.diagnoses().forEach(row.putArray("diagnoses")::add);
                if (!v.passed()) row.put("problem", v.problem());
                if (!json) {
                    out.println(v.passed() ? "PASS " + name + "  " + (v.diagnoses().isEmpty() ? "(no diagnosis)" : v.diagnoses())
                            : "FAIL " + name + "  " + v.problem());
                    out.flush();
                }
            }
            root.put("passed", passed);
            root.put("failed", failed);
            out.println(json ? TextOrJson.print(root) : passed + " passed, " + failed + " failed");
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }
}
