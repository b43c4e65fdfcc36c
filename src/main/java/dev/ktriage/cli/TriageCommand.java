package dev.ktriage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.engine.triage.Suggestion;
import dev.ktriage.engine.triage.Triage;
import dev.ktriage.gateway.ClusterGateway;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
        boolean json = TextOrJson.json(output);
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
        if (json) {
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
        if (cluster != null) {
            return "try: start " + s.playbook() + s.set().entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining());
        }
        return "run: " + runCommand(s);
    }

    /**
     * {@code ktriage run} for the suggestion with the options of this triage that choose the cluster,
     * the lab and the playbooks, so that pasting it runs against what was scanned, not the current context.
     */
    String runCommand(Suggestion s) {
        // the name ktriage was run as (`kubectl triage run ...` through the kubectl plugin); the REPL's root has none
        String name = spec.root().name();
        List<String> words = new ArrayList<>(List.of(name.isBlank() ? new String[] {"ktriage"} : name.split(" ")));
        words.addAll(List.of("run", s.playbook()));
        if (target.lab != null) words.addAll(List.of("--lab", target.lab.toString()));
        if (target.connection.kubeconfig != null) words.addAll(List.of("--kubeconfig", target.connection.kubeconfig.toString()));
        if (target.context != null) words.addAll(List.of("--context", target.context));
        if (target.connection.namespace != null) words.addAll(List.of("--namespace", target.connection.namespace));
        if (target.connection.sshUser != null) words.addAll(List.of("--ssh-user", target.connection.sshUser));
        if (target.connection.sshConfig != null) words.addAll(List.of("--ssh-config", target.connection.sshConfig.toString()));
        for (Path f : playbooks.folders) words.addAll(List.of("--playbooks", f.toString()));
        for (Path p : playbooks.plugins) words.addAll(List.of("--plugins", p.toString()));
        for (Map.Entry<String, String> e : s.set().entrySet()) words.addAll(List.of("--set", e.getKey() + "=" + e.getValue()));
        return words.stream().map(TriageCommand::shellWord).collect(Collectors.joining(" "));
    }

    /** A word as a POSIX shell reads it back: quoted only when it has to be. */
    static String shellWord(String w) {
        if (!w.isEmpty() && w.matches("[A-Za-z0-9_./:=@%+,-]+")) return w;
        return "'" + w.replace("'", "'\\''") + "'";
    }

    private String json(List<Suggestion> found) {
        ObjectNode root = TextOrJson.object();
        ArrayNode list = root.putArray("suggestions");
        for (Suggestion s : found) {
            ObjectNode o = list.addObject();
            o.put("playbook", s.playbook());
            o.put("title", s.title());
            o.put("score", s.score());
            o.put("command", runCommand(s));
            ObjectNode set = o.putObject("set");
            for (Map.Entry<String, String> e : s.set().entrySet()) set.put(e.getKey(), e.getValue());
            s.signs().forEach(o.putArray("signs")::add);
            s.examples().forEach(o.putArray("examples")::add);
        }
        return TextOrJson.print(root);
    }
}
