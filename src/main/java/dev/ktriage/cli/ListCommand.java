package dev.ktriage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.playbook.PlaybookCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", description = "List the playbooks ktriage knows, with their inputs and diagnoses.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PlaybookOptions playbooks = new PlaybookOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String output;

    @Override
    public Integer call() throws Exception {
        if (!TextOrJson.json(output)) return print(spec.commandLine().getOut(), playbooks);
        ObjectNode root = TextOrJson.object();
        ArrayNode list = root.putArray("playbooks");
        for (PlaybookCatalog.Summary p : playbooks.catalog().summaries()) {
            ObjectNode o = list.addObject();
            o.put("id", p.id());
            o.put("title", p.title());
            ArrayNode inputs = o.putArray("inputs");
            p.inputsRequired().forEach((id, required) -> inputs.addObject().put("id", id).put("required", required));
            ArrayNode diagnoses = o.putArray("diagnoses");
            p.diagnoses().forEach(diagnoses::add);
        }
        spec.commandLine().getOut().println(TextOrJson.print(root));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The listing itself, also called by {@link Main} for a plain {@code ktriage list} without building picocli's model. */
    static int print(PrintWriter out, PlaybookOptions playbooks) {
        // summaries only: a cached catalog lists its playbooks without building them
        for (PlaybookCatalog.Summary p : playbooks.catalog().summaries()) {
            out.printf("%-24s %s%n", p.id(), p.title());
            if (!p.inputsRequired().isEmpty()) {
                out.printf("%-24s inputs: %s%n", "", String.join(", ", p.inputsRequired().entrySet().stream()
                        .map(i -> i.getKey() + (i.getValue() ? "" : "?")).toList()));
            }
            out.printf("%-24s diagnoses: %s%n", "", String.join(", ", p.diagnoses()));
        }
        out.flush();
        return 0;
    }
}
