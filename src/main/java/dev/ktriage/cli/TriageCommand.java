package dev.ktriage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.engine.triage.Suggestion;
import dev.ktriage.engine.triage.Triage;
import dev.ktriage.gateway.ClusterGateway;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "triage", description = {
        "Scan the cluster for the symptoms the playbooks know (Warning events, unavailable APIServices) and rank the playbooks.",
        "Exit 0 when something was found, 2 when nothing matched."})
final class TriageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Mixin
    PlaybookOptions playbooks = new PlaybookOptions();

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String output;

    /** The REPL's cluster when triage runs from the REPL; null on the command line, which opens one from the options. */
    ClusterGateway cluster;

    @Override
    public Integer call() throws Exception {
        if (!output.equals("text") && !output.equals("json")) throw new IllegalArgumentException("--output must be text or json");
        PrintWriter out = spec.commandLine().getOut();
        var catalog = playbooks.catalog();
        List<Suggestion> found;
        if (cluster != null) {
            found = new Triage(cluster).scan(List.copyOf(catalog.all()));
        } else {
            try (Target t = Target.open(target)) {
                found = new Triage(t.cluster()).scan(List.copyOf(catalog.all()));
            }
        }
        if (output.equals("json")) {
            out.println(json(found));
        } else if (found.isEmpty()) {
            out.println("No known symptoms found.");
        } else {
            int i = 0;
            for (Suggestion s : found) {
                out.printf("%d. %s — %s (score %.1f)%n", ++i, s.playbook(), s.title(), s.score());
                s.signs().forEach(x -> out.println("     " + x));
                s.examples().stream().limit(2).forEach(x -> out.println("     > " + x));
                out.println("     " + howToStart(s));
            }
        }
        out.flush();
        return found.isEmpty() ? 2 : 0;
    }

    /** The command that starts the suggested playbook: {@code ktriage run} here, {@code start} in the REPL. */
    private String howToStart(Suggestion s) {
        String set = s.set().entrySet().stream().map(e -> (cluster != null ? " " : " --set ") + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining());
        return (cluster != null ? "try: start " : "run: ktriage run ") + s.playbook() + set;
    }

    private static String json(List<Suggestion> found) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        ArrayNode list = root.putArray("suggestions");
        for (Suggestion s : found) {
            ObjectNode o = list.addObject();
            o.put("playbook", s.playbook());
            o.put("title", s.title());
            o.put("score", s.score());
            ObjectNode set = o.putObject("set");
            for (Map.Entry<String, String> e : s.set().entrySet()) set.put(e.getKey(), e.getValue());
            s.signs().forEach(o.putArray("signs")::add);
            s.examples().forEach(o.putArray("examples")::add);
        }
        return m.writeValueAsString(root);
    }
}
