package dev.ktriage.cli;

import dev.ktriage.playbook.PlaybookCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", description = "List the playbooks ktriage knows, with their inputs and diagnoses.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PlaybookOptions playbooks = new PlaybookOptions();

    @Override
    public Integer call() {
        return print(spec.commandLine().getOut(), playbooks);
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
