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
            abort | stop                  end the running session now: no further step, it ends interrupted
            report                        the session's report (Markdown)
            save [FILE]                   write the report (default: beside the transcript)
            verify [TRANSCRIPT]           after a fix: re-read live the facts the diagnosis rests on (fixed, not
                                           fixed, partly fixed, not durable); default: the session that ended
            get RESOURCE [NAME] [-n NS|-A] [-l SELECTOR]   read from the cluster
            ssh NODE COMMAND...           a read-only command on a node (no shell, nothing that changes it)
            quit | Ctrl-D                 save the report and leave""";

    private static final String HELP_END = "help COMMAND                  one command's usage";

    private ReplHelp() {
    }

    /** Where the descriptions of the REPL's own lines start. */
    private static final int COLUMN = 30;

    /**
     * The help fitted to a terminal {@code width} columns wide: a long line breaks between words, and
     * its continuation starts at the description column (at 4 columns on a screen too narrow for it).
     * Nothing is cut; a width of 0 (unknown) leaves the text as it is.
     */
    static String wrap(String text, int width) {
        if (width <= 0) return text;
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            if (line.length() <= width) {
                out.append(line);
                continue;
            }
            int indent = width >= COLUMN + 20 ? COLUMN : 4;
            StringBuilder current = new StringBuilder();
            for (String word : line.strip().isEmpty() ? new String[0] : line.split(" (?=\\S)")) {
                String w = word;
                if (current.length() > 0 && current.length() + 1 + w.strip().length() > width) {
                    out.append(current.toString().stripTrailing()).append('\n');
                    current = new StringBuilder(" ".repeat(indent));
                    w = w.strip();
                } else if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(w);
            }
            out.append(current.toString().stripTrailing());
        }
        return out.toString();
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
