package dev.ktriage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.lab.Coverage;
import dev.ktriage.lab.ScenarioCheck;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.plugin.Plugin;
import dev.ktriage.plugin.LoadedPlugins;
import dev.ktriage.plugin.PluginLoader;
import dev.ktriage.plugin.PluginProblem;
import dev.ktriage.plugin.PluginScenarios;
import dev.ktriage.ui.batch.BatchOperator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
            "Exit 0 when all pass, 1 when the plugin does not load or a scenario fails.",
            "With --coverage, also what the scenarios reach of each playbook: steps, rules, branches, diagnoses."})
    static final class Test implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The plugin folder (or jar).")
        Path dir;

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        String output;

        @Option(names = "--coverage", description = "Also report, per playbook, the steps, rules, branches (goto, handoff, end,"
                + " onFailure) and diagnoses the scenarios reach, and list what none reaches.")
        boolean coverage;

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
            Coverage reached = coverage ? new Coverage(loaded.catalog(), playbooks(loaded, scenarios)) : null;
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
                if (reached != null && v.result() != null) reached.add(v.playbook(), v.result());
                ObjectNode row = rows.addObject();
                row.put("scenario", name);
                row.put("passed", v.passed());
                v.diagnoses().forEach(row.putArray("diagnoses")::add);
                String conclusion = v.result() == null ? null : v.result().conclusion().wireName();
                if (conclusion != null) row.put("conclusion", conclusion);
                if (!v.passed()) row.put("problem", v.problem());
                if (!json) {
                    // a scenario with no diagnosis says whether the run established health or could not tell
                    out.println(v.passed() ? "PASS " + name + "  " + (v.diagnoses().isEmpty() ? "(no diagnosis" + (conclusion == null ? "" : ": " + conclusion) + ")" : v.diagnoses())
                            : "FAIL " + name + "  " + v.problem());
                    out.flush();
                }
            }
            root.put("passed", passed);
            root.put("failed", failed);
            if (reached != null) {
                if (json) coverageJson(root.putObject("coverage"), reached);
                else coverageText(out, reached);
            }
            out.println(json ? TextOrJson.print(root) : passed + " passed, " + failed + " failed");
            out.flush();
            return failed == 0 ? 0 : 1;
        }

        /**
         * The playbooks to report on: the plugin's own, and each built-in whose folder
         * ({@code playbooks/ID/scenarios/}) holds one of the scenarios, in catalog order.
         */
        private static List<String> playbooks(LoadedPlugins loaded, List<Path> scenarios) {
            Set<String> own = new HashSet<>();
            for (Plugin p : loaded.plugins()) if (!p.isBuiltIn()) own.add(p.id());
            Set<String> folders = new HashSet<>();
            for (Path s : scenarios) {
                Path playbookDir = s.getParent() == null ? null : s.getParent().getParent();
                if (playbookDir != null && playbookDir.getFileName() != null) folders.add(playbookDir.getFileName().toString());
            }
            return loaded.catalog().all().stream().filter(p -> own.contains(p.origin()) || folders.contains(p.id())).map(Playbook::id).toList();
        }

        private static void coverageText(PrintWriter out, Coverage c) {
            out.println("Coverage (the union of what " + c.runs() + " scenario run(s) reached):");
            for (Coverage.Report r : c.reports()) {
                out.println(r.playbook() + ": " + r.figure() + " (" + r.scenarios() + " scenario(s))");
                out.println("  diagnoses reached: " + (r.reachedDiagnoses().isEmpty() ? "none"
                        : String.join(", ", r.diagnoses().stream().filter(r.reachedDiagnoses()::contains).toList())));
                for (String d : r.unreachedDiagnoses()) out.println("  unreached diagnosis " + d);
                for (String s : r.unreachedSteps()) out.println("  unreached step " + s);
                for (Coverage.RuleRef rule : r.unreachedRules()) out.println("  unreached rule " + rule.describe());
                for (Coverage.Branch b : r.unreachedBranches()) if (b.onFailure()) out.println("  unreached branch " + b.describe());
            }
        }

        private static void coverageJson(ObjectNode o, Coverage c) {
            o.put("runs", c.runs());
            ArrayNode playbooks = o.putArray("playbooks");
            for (Coverage.Report r : c.reports()) {
                ObjectNode p = playbooks.addObject();
                p.put("playbook", r.playbook());
                p.put("scenarios", r.scenarios());
                p.put("figure", r.figure());
                ObjectNode steps = p.putObject("steps");
                steps.put("total", r.steps().size());
                r.steps().stream().filter(r.reachedSteps()::contains).forEach(steps.putArray("reached")::add);
                r.unreachedSteps().forEach(steps.putArray("unreached")::add);
                ObjectNode rules = p.putObject("rules");
                rules.put("total", r.rules().size());
                ArrayNode reachedRules = rules.putArray("reached");
                for (Coverage.RuleRef rule : r.rules()) if (r.reachedRules().contains(rule.id())) rule(reachedRules.addObject(), rule);
                ArrayNode unreachedRules = rules.putArray("unreached");
                for (Coverage.RuleRef rule : r.unreachedRules()) rule(unreachedRules.addObject(), rule);
                ObjectNode branches = p.putObject("branches");
                branches.put("total", r.branches().size());
                ArrayNode reachedBranches = branches.putArray("reached");
                for (Coverage.Branch b : r.branches()) {
                    if (r.reachedBranches().contains(b)) reachedBranches.addObject().put("from", b.from()).put("to", b.to());
                }
                ArrayNode unreachedBranches = branches.putArray("unreached");
                for (Coverage.Branch b : r.unreachedBranches()) unreachedBranches.addObject().put("from", b.from()).put("to", b.to());
                ObjectNode diagnoses = p.putObject("diagnoses");
                diagnoses.put("total", r.diagnoses().size());
                r.diagnoses().stream().filter(r.reachedDiagnoses()::contains).forEach(diagnoses.putArray("reached")::add);
                r.unreachedDiagnoses().forEach(diagnoses.putArray("unreached")::add);
            }
        }

        private static void rule(ObjectNode o, Coverage.RuleRef r) {
            o.put("rule", r.id());
            o.put("step", r.step());
            if (r.finding() != null) o.put("finding", r.finding());
            else o.putNull("finding");
            o.put("to", r.to());
        }
    }
}
