package dev.ktriage.ui.repl;

import dev.ktriage.ui.CommandShell;
import java.util.ArrayList;
import java.util.List;

/** The REPL's help: its own commands, then the shared ones as the {@link CommandShell} describes them. */
final class ReplHelp {

    private static final String HELP = """
            start PLAYBOOK [key=value...]  start a session: first the steps RBAC will leave inconclusive, then it
                                           pauses before each step (--set key=value works too, as in ktriage run)
            next | step                   run the next step (or, after back, show the next one)
            continue                      run the session to its end
            why                           the current step: explanation, command, finding, what was ruled out
            evidence                      what the current step gathered (> marks the lines the finding quotes)
            answer VALUE                  answer the question the session is waiting on
            back                          show the previous step
            report                        the session's report (Markdown)
            save [FILE]                   write the report (default: beside the transcript)
            get RESOURCE [NAME] [-n NS|-A] [-l SELECTOR]   read from the cluster
            ssh NODE COMMAND...           a read-only command on a node (no shell, nothing that changes it)
            quit | Ctrl-D                 save the report and leave""";

    private static final String HELP_END = "help COMMAND                  one command's usage";

    private ReplHelp() {
    }

    /** Every command, one line each; or one command's lines (its usage, for a shared one). */
    static String of(String command, CommandShell shell) {
        if (command.isEmpty()) {
            String shared = shell.summary();
            return HELP + (shared.isEmpty() ? "" : "\n" + shared) + "\n" + HELP_END;
        }
        String usage = shell.usage(command);
        if (!usage.isEmpty()) return usage;
        String word = command.split("\\s+")[0];
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String l : HELP.lines().toList()) {
            // a line's command part comes before the description; an indented line goes on the one above
            if (!l.startsWith(" ")) in = List.of(l.split("\\s{2,}")[0].split("[\\s|]+")).contains(word);
            if (in) lines.add(l);
        }
        if (lines.isEmpty()) throw new IllegalArgumentException("no command '" + command + "' (help lists them)");
        return String.join("\n", lines);
    }
}
