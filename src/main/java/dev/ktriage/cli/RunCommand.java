package dev.ktriage.cli;

import dev.ktriage.engine.AccessPreflight;
import dev.ktriage.engine.BadInputException;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.gateway.AccessReviewer;
import dev.ktriage.playbook.InputKeys;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.ui.SessionLauncher;
import dev.ktriage.ui.batch.BatchOperator;
import dev.ktriage.ui.batch.JsonReport;
import dev.ktriage.ui.batch.LineNarrator;
import dev.ktriage.ui.batch.TextReport;
import dev.ktriage.yaml.YNode;
import dev.ktriage.yaml.YamlReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", description = {
        "Run a playbook without questions on screen: answers come from --set and --answers.",
        "Exit codes: 0 diagnosed, 2 inconclusive (no diagnosis, an unanswered question or missing input), 1 error;",
        "with --detailed-exit-code, 3 when the session established that the subject is healthy."})
final class RunCommand implements Callable<Integer> {

    enum Output { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAYBOOK", description = "Playbook id (see: ${ROOT-COMMAND-NAME} list).")
    String playbook;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Mixin
    PlaybookOptions playbooks = new PlaybookOptions();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "An input or an answer, e.g. --set pod=kube-system/coredns-x.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--answers", paramLabel = "FILE", description = "YAML map of question id to answer.")
    Path answersFile;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--transcript", paramLabel = "FILE", description = "Where to write the transcript (default: ~/.local/state/ktriage/transcripts/).")
    Path transcript;

    @Option(names = "--detailed-exit-code", description = "Exit 3 instead of 2 when the session established that the subject is healthy"
            + " (JSON conclusion \"healthy\"); every other exit code stays as it is.")
    boolean detailedExitCode;

    @Override
    public Integer call() {
        try {
            return session();
        } catch (RuntimeException e) {
            // with --output json an error is the contract's error object on stdout too (outcome "error");
            // the one line on stderr and exit 1 stay as they are
            if (output == Output.json) {
                spec.commandLine().getOut().println(JsonReport.error(playbook, Errors.oneLine(e)));
                spec.commandLine().getOut().flush();
            }
            throw e;
        }
    }

    private Integer session() {
        PrintWriter out = spec.commandLine().getOut();
        PlaybookCatalog catalog = playbooks.catalog();
        catalog.require(playbook);
        checkSetKeys(catalog, playbook, set.keySet());
        Map<String, String> answers = new LinkedHashMap<>(readAnswers(answersFile));
        answers.putAll(set);
        Path transcriptPath = transcript != null ? transcript : Transcripts.defaultPath(playbook);
        try (Target t = Target.open(target)) {
            SessionRunner sessions = new SessionRunner(catalog, t, target.connection.namespace, p -> transcriptPath,
                    target.lab == null ? target.context : null);
            // Preflight: say up front which steps these credentials will leave inconclusive.
            if (t.cluster() instanceof AccessReviewer reviewer) {
                for (String line : AccessPreflight.lines(AccessPreflight.check(catalog, playbook, set, sessions.namespace(), reviewer,
                        sessions.nodeStepNeeds()))) {
                    spec.commandLine().getErr().println("ktriage: preflight: " + line);
                }
                spec.commandLine().getErr().flush();
            }
            SessionLauncher.FinishedSession finished = sessions.run(playbook, set, new BatchOperator(answers),
                    output == Output.text ? new LineNarrator(out) : null);
            SessionResult result = finished.result();
            switch (output) {
                case json -> out.println(JsonReport.render(result, transcriptPath, t.unansweredCommands(), set));
                case markdown -> out.print(TextReport.render(result, transcriptPath, finished.info()));
                default -> {
                    out.println();
                    out.print(TextReport.render(result, transcriptPath, finished.info()));
                    if (!t.unansweredCommands().isEmpty()) {
                        out.println("\nNode commands the scenario did not answer:");
                        t.unansweredCommands().forEach(c -> out.println("  " + c));
                    }
                }
            }
            out.flush();
            if (result.reason() != null && result.diagnoses().isEmpty()) spec.commandLine().getErr().println("ktriage: " + result.reason());
            return result.exitCode(detailedExitCode);
        }
    }

    /** An unknown {@code --set} key is refused in one line, naming the keys the playbook takes and the closest. */
    static void checkSetKeys(PlaybookCatalog catalog, String playbook, Collection<String> keys) {
        Set<String> accepted = InputKeys.accepted(catalog, playbook);
        for (String key : keys) {
            if (accepted.contains(key)) continue;
            String near = InputKeys.closest(key, accepted);
            throw new BadInputException("--set " + key + ": " + playbook + " takes no input or answer '" + key + "'"
                    + (near != null ? " (did you mean '" + near + "'?)" : "")
                    + "; it takes: " + (accepted.isEmpty() ? "nothing" : String.join(", ", accepted)));
        }
    }

    static Map<String, String> readAnswers(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (file == null) return out;
        YNode.YMap m = YamlReader.readOne(file, file.toString()).asMap();
        for (Map.Entry<String, YNode> e : m.entries().entrySet()) out.put(e.getKey(), e.getValue().asText());
        return out;
    }
}
