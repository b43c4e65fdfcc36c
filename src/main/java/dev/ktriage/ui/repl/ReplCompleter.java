package dev.ktriage.ui.repl;

import dev.ktriage.playbook.Input;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.ui.ClusterChoices;
import dev.ktriage.ui.CommandShell;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: commands, playbook ids, their input keys and, after {@code pod=} or {@code node=},
 * the cluster's pods (as NAMESPACE/NAME) or nodes; resource types, and the names of
 * namespaces, nodes and objects (asked of the cluster once per type, then remembered). The shared
 * commands complete from their own model (subcommands, option names and values, file paths).
 */
final class ReplCompleter implements Completer {

    private static final List<String> RESOURCES = List.of("pods", "nodes", "events", "namespaces", "services", "endpoints",
            "configmaps", "deployments", "daemonsets", "replicasets", "statefulsets", "networkpolicies", "apiservices");

    private final ReplCommands commands;
    /** Names read once per session: a cluster that did not answer is not asked again at every Tab. */
    private final Map<String, List<String>> names = new ConcurrentHashMap<>();
    private final ClusterChoices cluster;
    private final Completer files = new Completers.FileNameCompleter();

    ReplCompleter(ReplCommands commands) {
        this.commands = commands;
        this.cluster = new ClusterChoices(commands.workspace().cluster());
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int at = line.wordIndex();
        if (at == 0) {
            commands.names().forEach(n -> candidates.add(new Candidate(n)));
            return;
        }
        String cmd = words.get(0);
        String previous = at > 0 && at - 1 < words.size() ? words.get(at - 1) : "";
        switch (cmd) {
            case "start" -> {
                if (at == 1) commands.workspace().catalog().all().forEach(p -> candidates.add(new Candidate(p.id(), p.id(), null, p.title(), null, null, true)));
                else commands.workspace().catalog().find(words.get(1)).ifPresent(p -> {
                    String typed = at < words.size() ? words.get(at) : "";
                    if (!inputValues(p, typed, candidates)) inputKeys(p, candidates);
                });
            }
            case "get" -> {
                if (previous.equals("-n") || previous.equals("--namespace")) names("namespaces").forEach(n -> candidates.add(new Candidate(n)));
                else if (at == 1) RESOURCES.forEach(r -> candidates.add(new Candidate(r)));
                else if (at == 2) names(words.get(1)).forEach(n -> candidates.add(new Candidate(n)));
                else List.of("-n", "-A", "-l").forEach(o -> candidates.add(new Candidate(o)));
            }
            case "ssh" -> {
                if (at == 1) names("nodes").forEach(n -> candidates.add(new Candidate(n)));
            }
            case "help" -> {
                if (at == 1) commands.names().forEach(n -> candidates.add(new Candidate(n)));
            }
            default -> {
                if (ReplCommands.NAMES.contains(cmd)) return;
                CommandShell.Completion c = commands.shell().complete(words, at);
                c.words().forEach(w -> candidates.add(new Candidate(w)));
                if (c.paths()) files.complete(reader, line, candidates);
            }
        }
    }

    private static void inputKeys(Playbook p, List<Candidate> candidates) {
        for (Input in : p.inputs()) {
            // complete=false: no space after "pod=", the value follows
            candidates.add(new Candidate(in.id() + "=", in.id() + "=", null, in.description().strip(), null, null, false));
        }
    }

    /**
     * After {@code KEY=} of an input that takes pods, nodes or namespaces: the cluster's values, as
     * the TUI's input field offers them (pods as NAMESPACE/NAME). False when the word is not such a key.
     */
    private boolean inputValues(Playbook p, String typed, List<Candidate> candidates) {
        int eq = typed.indexOf('=');
        if (eq <= 0) return false;
        String key = typed.substring(0, eq);
        for (Input in : p.inputs()) {
            if (!in.id().equals(key) || ClusterChoices.listFor(in) == null) continue;
            ClusterChoices.Choices choices = cluster.forInput(in, typed.substring(eq + 1));
            // complete=true: a space after the value, the next key follows
            for (String v : choices.values()) candidates.add(new Candidate(key + "=" + v, v, null, null, null, null, !v.endsWith("/")));
            return true;
        }
        return false;
    }

    private List<String> names(String resource) {
        return names.computeIfAbsent(resource, r -> cluster.names(r, null).values());
    }
}
