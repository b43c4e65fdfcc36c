package dev.ktriage.cli;

import dev.ktriage.engine.BadInputException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ktriage help [COMMAND [SUBCOMMAND]]}: the same page as {@code ktriage COMMAND --help}. */
@Command(name = "help", helpCommand = true, description = "Show the help of a command: ktriage help run, ktriage help plugin test.")
final class HelpCmd implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommand) to show.")
    List<String> path = new ArrayList<>();

    @Override
    public void run() {
        CommandLine at = spec.root().commandLine();
        for (String name : path) {
            CommandLine sub = at.getSubcommands().get(name);
            if (sub == null) {
                throw new BadInputException("help: no command '" + String.join(" ", path) + "' (commands: "
                        + String.join(", ", at.getSubcommands().keySet()) + ")");
            }
            at = sub;
        }
        at.usage(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
    }
}
