package dev.ktriage.cli;

import dev.ktriage.engine.SessionResult;
import dev.ktriage.lab.BuiltInScenarios;
import dev.ktriage.lab.scenario.Expectation;
import dev.ktriage.lab.scenario.Scenario;
import dev.ktriage.lab.scenario.ScenarioLoader;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.ui.Workspace;
import dev.ktriage.ui.batch.BatchOperator;
import dev.ktriage.ui.batch.LineNarrator;
import dev.ktriage.ui.batch.TextReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", description = {
        "Walk through a real incident on the embedded lab, no cluster needed.",
        "Starts with the seed incident: coredns 0/1 on a Cilium node, probe replies dropped by rp_filter.",
        "Opens the TUI on a terminal; elsewhere (a pipe, TERM=dumb, KTRIAGE_UI=line) narrates line by line."})
final class DemoCommand implements Callable<Integer> {

    /** The incident the demo opens on. */
    static final String FIRST = "seed-coredns-cilium-rp-filter";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "A built-in scenario name (see --list).")
    String name;

    @Option(names = "--list", description = "List the built-in scenarios.")
    boolean list;

    @Option(names = "--transcript", paramLabel = "FILE", description = "Where to write the transcript (default: a temp file).")
    Path transcript;

    @Option(names = "--step", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "In the TUI, pause before each step: space or n runs it, c runs to the end (--no-step: no pauses).")
    boolean stepThrough;

    @Mixin
    PlaybookOptions playbooks = new PlaybookOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<BuiltInScenarios.Entry> all = BuiltInScenarios.all().stream()
                .sorted(Comparator.comparing((BuiltInScenarios.Entry e) -> !e.name().equals(FIRST))
                        .thenComparing(e -> !e.name().startsWith("seed-")).thenComparing(BuiltInScenarios.Entry::name))
                .toList();
        if (list) {
            all.forEach(e -> out.printf("%-40s %s%n", e.name(), e.playbook()));
            out.flush();
            return 0;
        }
        String wanted = name == null ? FIRST : name;
        BuiltInScenarios.Entry entry = all.stream().filter(e -> e.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no built-in scenario '" + wanted + "' (see: " + spec.root().name() + " demo --list)"));
        Scenario scenario = ScenarioLoader.load(entry.dir());
        Expectation expect = scenario.expect()
                .orElseThrow(() -> new IllegalArgumentException("scenario '" + wanted + "' has no expect.yaml to say what to run"));
        PlaybookCatalog catalog = playbooks.catalog();
        Path transcriptPath = transcript != null ? transcript : Files.createTempFile("ktriage-demo-", ".jsonl");
        if (Interactive.terminal()) return tui(scenario, expect, catalog, transcriptPath);
        Interactive.lineModeNotice(spec.commandLine().getErr());
        out.println("ktriage demo: " + entry.name() + " — playbook " + expect.playbook() + " " + expect.set());
        out.println("(an embedded Kubernetes API server and SSH server play the cluster and its nodes)");
        try (Target t = Target.lab(scenario, Duration.ofSeconds(15))) {
            SessionRunner sessions = new SessionRunner(catalog, t, null, p -> transcriptPath);
            var finished = sessions.run(expect.playbook(), expect.set(), new BatchOperator(expect.answers()),
                    new LineNarrator(out));
            SessionResult result = finished.result();
            out.println();
            out.print(TextReport.render(result, transcriptPath, finished.info()));
            out.println("\nReplay it offline:  ./ktriage replay " + transcriptPath);
            afterFixLabs(result).forEach(lab -> out.println("After a fix:        ./ktriage verify " + transcriptPath + " --lab " + lab));
            out.flush();
            return result.outcome().exitCode();
        }
    }

    /**
     * The labs of this cluster after a fix that a checkout has for the diagnoses' playbooks
     * ({@code playbooks/ID/after-fix/NAME}), to try {@code verify} on; none outside a checkout.
     */
    static java.util.List<Path> afterFixLabs(SessionResult result) {
        java.util.List<Path> out = new java.util.ArrayList<>();
        for (String playbook : result.diagnoses().stream().map(d -> d.playbook()).distinct().toList()) {
            Path dir = Path.of("playbooks", playbook, "after-fix");
            if (!Files.isDirectory(dir)) continue;
            try (var labs = Files.list(dir)) {
                labs.filter(l -> Files.isRegularFile(l.resolve("cluster.yaml"))).sorted().forEach(out::add);
            } catch (java.io.IOException e) {
                // a folder that cannot be listed offers nothing
            }
        }
        return out;
    }

    /** The same incident in the TUI: its form opens filled in, Enter starts it. */
    private int tui(Scenario scenario, Expectation expect, PlaybookCatalog catalog, Path transcriptPath) throws Exception {
        // each session of this run (n starts another) gets its own transcript, and so its own report
        Transcripts.PerSession paths = new Transcripts.PerSession(transcriptPath);
        try (Target t = Target.lab(scenario, Duration.ofSeconds(15))) {
            Interactive.tui(Interactive.workspace(catalog, t, null, new Workspace.Preset(expect.playbook(), expect.set()), paths),
                    stepThrough, spec.commandLine().getOut(), "./ktriage replay",
                    f -> afterFixLabs(f.result()).stream().map(lab -> "./ktriage verify " + f.transcript() + " --lab " + lab).toList());
        }
        return 0;
    }
}
