package dev.ktriage.allowlist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-only promise for nodes: a command runs only if it matches one of the typed forms in
 * {@link ReadOnlyCommands}. Checked when a playbook loads (with its {@code ${...}} holes), when a
 * step fills the holes with values from the cluster, when the operator types {@code ssh NODE CMD},
 * and by the SSH gateway before anything is sent. A closed table: plugins cannot extend it.
 */
public final class AllowList {

    private AllowList() {
    }

    /**
     * Admits or refuses a command.
     *
     * @throws CommandRefused naming the program, option or argument and why, with its offset
     */
    public static CheckedCommand check(List<Word> words) {
        if (words.isEmpty()) throw new CommandRefused("empty node command", 0);
        Word first = words.get(0);
        if (first.filled()) throw new CommandRefused("the program of a node command cannot come from a value", first.offset());
        String program = first.text();
        if (program.contains("/")) {
            String name = program.substring(program.lastIndexOf('/') + 1);
            throw new CommandRefused("'" + program + "': name the program ('" + name + "'), not a path", first.offset());
        }
        String others = ReadOnlyCommands.RUNS_OTHERS.get(program);
        if (others != null) throw new CommandRefused("'" + program + "' " + others + "; it is not a read-only node command", first.offset());
        CommandSpec spec = ReadOnlyCommands.find(program);
        if (spec == null) {
            throw new CommandRefused("'" + program + "' is not on ktriage's list of read-only node commands ("
                    + String.join(", ", ReadOnlyCommands.programs()) + ")", first.offset());
        }
        return CommandParser.check(spec, words);
    }

    /** A command whose every argument is taken as written (the operator's, or one about to be sent). */
    public static CheckedCommand checkArgv(List<String> argv) {
        List<Word> words = new ArrayList<>(argv.size());
        int offset = 0;
        for (String a : argv) {
            words.add(Word.literal(a, offset));
            offset += a.length() + 1;
        }
        return check(words);
    }

    /** The table as Markdown, for {@code docs/node-commands.md}. */
    public static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| program | read-only forms | refused, and why | source |\n|---|---|---|---|\n");
        for (CommandSpec s : ReadOnlyCommands.all()) {
            List<String> forms = new ArrayList<>();
            for (Form f : s.forms()) {
                List<String> opts = new ArrayList<>();
                for (Opt o : s.globals()) opts.add(o.shown());
                for (Opt o : f.options()) opts.add(o.shown());
                String line = (s.program() + " " + f.shownPath() + " " + (opts.isEmpty() ? "" : "[" + String.join("] [", opts) + "] ")
                        + f.operands().shown()).replaceAll(" +", " ").trim();
                if (!f.requires().isEmpty()) line += " (needs " + String.join(" or ", f.requires()) + ")";
                forms.add("`" + line.replace("|", "\\|") + "`");
            }
            Map<String, List<String>> byReason = new LinkedHashMap<>();
            s.writes().forEach((k, why) -> byReason.computeIfAbsent(why, x -> new ArrayList<>()).add(k));
            List<String> refused = new ArrayList<>();
            byReason.forEach((why, keys) -> refused.add(keys.contains("requires") ? "without " + String.join(" or ", formsRequires(s)) + ": " + why
                    : "`" + String.join(" ", keys) + "`: " + why));
            String names = String.join(", ", s.names().stream().map(n -> "`" + n + "`").toList());
            b.append("| ").append(names).append(" | ").append(String.join("<br>", forms)).append(" | ")
                    .append(refused.isEmpty() ? "any other option" : String.join("<br>", refused).replace("|", "\\|"))
                    .append(" | ").append(s.source().replace("|", "\\|")).append(" |\n");
        }
        b.append("\nNever on the list, whatever their arguments:\n\n");
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        ReadOnlyCommands.RUNS_OTHERS.forEach((p, why) -> byReason.computeIfAbsent(why, x -> new ArrayList<>()).add(p));
        byReason.forEach((why, programs) -> b.append("- ").append(String.join(", ", programs.stream().map(p -> "`" + p + "`").toList()))
                .append(": ").append(why).append('\n'));
        b.append("\nFiles never read (any command): ").append(globs(PathRules.SECRETS)).append("\n\n");
        b.append("Files whose reading consumes them, never read: ").append(globs(PathRules.CONSUMED_BY_READING)).append("\n\n");
        b.append("Kubeconfigs, read only whole with `cat PATH` and kept without keys or tokens: ").append(globs(PathRules.KUBECONFIGS)).append("\n\n");
        b.append("Folders whose files may be read: ").append(globs(PathRules.READ_ROOTS)).append("\n");
        return b.toString();
    }

    private static List<String> formsRequires(CommandSpec s) {
        List<String> out = new ArrayList<>();
        for (Form f : s.forms()) out.addAll(f.requires());
        return out;
    }

    private static String globs(List<String> paths) {
        return String.join(", ", paths.stream().map(p -> "`" + p + "`").toList());
    }
}
