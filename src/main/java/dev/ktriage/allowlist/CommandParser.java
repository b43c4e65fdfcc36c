package dev.ktriage.allowlist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a node command against its program's {@link CommandSpec}, the way the program itself would
 * read it (getopt_long clusters and {@code --name=value}, or whole-word options), and refuses
 * anything the spec does not name. A value from the cluster is only ever an operand or an option's
 * value, and is checked against that position's type.
 */
final class CommandParser {

    private final CommandSpec spec;
    private final List<Word> words;
    private final Set<String> present = new LinkedHashSet<>();
    private final List<Word> operands = new ArrayList<>();
    private final List<Typed> values = new ArrayList<>();
    private List<Form> candidates;
    private int pathPos;
    private Form form;
    private boolean optionSeen;

    private record Typed(Word word, ArgType type) {
    }

    private CommandParser(CommandSpec spec, List<Word> words) {
        this.spec = spec;
        this.words = words;
        this.candidates = spec.forms();
    }

    static CheckedCommand check(CommandSpec spec, List<Word> words) {
        return new CommandParser(spec, words).parse();
    }

    private CheckedCommand parse() {
        boolean endOfOptions = false;
        for (int i = 1; i < words.size(); i++) {
            Word w = words.get(i);
            String t = w.text();
            if (!w.filled() && !endOfOptions && spec.style() == CommandSpec.Style.GNU && t.equals("--")) {
                endOfOptions = true;
                continue;
            }
            if (form == null && !w.filled() && !looksLikeOption(t) && extendsPath(t)) continue;
            if (!w.filled() && !endOfOptions && isOption(w)) {
                i = option(i);
                continue;
            }
            if (form == null) {
                if (w.filled() && completed() == null) {
                    throw refuse(w, "a value from the cluster cannot choose what " + spec.program() + " does");
                }
                chooseForm(w);
            }
            if (!w.filled() && !endOfOptions && looksLikeOption(t)) throw unknownOption(w, t);
            if (spec.operandsFirst() && optionSeen) {
                throw refuse(w, spec.program() + ": '" + shown(w) + "' after an expression: starting points come first");
            }
            operands.add(w);
        }
        if (form == null) chooseForm(null);
        return finish();
    }

    private boolean looksLikeOption(String t) {
        return t.length() > 1 && t.startsWith("-");
    }

    /** A literal word that names an option in scope (GNU: any dash word, checked in {@link #option}). */
    private boolean isOption(Word w) {
        String t = w.text();
        if (spec.style() == CommandSpec.Style.GNU) return looksLikeOption(t);
        if (find(spec.globals(), t) != null) return true;
        if (form == null) {
            form = completed();
            if (form == null) return false;
        }
        return find(form.options(), t) != null;
    }

    private boolean extendsPath(String t) {
        List<Form> next = new ArrayList<>();
        for (Form f : candidates) {
            if (f.path().size() > pathPos && f.path().get(pathPos).contains(t)) next.add(f);
        }
        if (next.isEmpty()) return false;
        candidates = next;
        pathPos++;
        return true;
    }

    /** The candidate whose subcommand words are all given, if any. */
    private Form completed() {
        return candidates.stream().filter(f -> f.path().size() == pathPos).findFirst().orElse(null);
    }

    private void chooseForm(Word at) {
        form = completed();
        if (form != null) return;
        String so = String.join(" ", words.subList(0, Math.min(words.size(), 1 + pathPos)).stream().map(Word::text).toList());
        Set<String> next = new LinkedHashSet<>();
        for (Form f : candidates) if (f.path().size() > pathPos) next.add(String.join("|", f.path().get(pathPos)));
        if (at == null) throw refuse(words.get(words.size() - 1), "'" + so + "' needs one of: " + String.join(", ", next));
        String why = spec.writes().get(at.text());
        String head = "'" + so + " " + shown(at) + "' is not read-only";
        throw refuse(at, head + (why != null ? ": " + why : "") + " (read-only forms: " + spec.program() + " "
                + (pathPos == 0 ? "" : so.substring(so.indexOf(' ') + 1) + " ") + String.join(", ", next) + ")");
    }

    /** Reads the option at {@code i} (and its value); returns the index of the last word it used. */
    private int option(int i) {
        Word w = words.get(i);
        String t = w.text();
        if (spec.style() == CommandSpec.Style.WORDS) {
            Opt o = inScope(t);
            if (o == null) throw unknownOption(w, t);
            if (!spec.globals().contains(o)) optionSeen = true;
            present.add(o.names().get(0));
            return o.takesValue() ? value(o, i + 1, w) : i;
        }
        if (t.startsWith("--")) {
            int eq = t.indexOf('=');
            String name = eq < 0 ? t : t.substring(0, eq);
            Opt o = inScope(name);
            if (o == null) throw unknownOption(w, name);
            present.add(o.names().get(0));
            if (o.value() == null) {
                if (eq >= 0) throw refuse(w, spec.program() + ": " + name + " takes no value");
                return i;
            }
            if (eq >= 0) {
                values.add(new Typed(new Word(t.substring(eq + 1), w.kind(), w.offset() + eq + 1), o.value()));
                return i;
            }
            return o.attachedOnly() ? i : value(o, i + 1, w);
        }
        for (int j = 1; j < t.length(); j++) {
            String name = "-" + t.charAt(j);
            Opt o = inScope(name);
            if (o == null) throw unknownOption(w, name);
            present.add(o.names().get(0));
            if (o.value() == null) continue;
            String rest = t.substring(j + 1);
            if (!rest.isEmpty()) {
                values.add(new Typed(new Word(rest, w.kind(), w.offset() + j + 1), o.value()));
                return i;
            }
            return o.attachedOnly() ? i : value(o, i + 1, w);
        }
        return i;
    }

    private int value(Opt o, int at, Word option) {
        if (at >= words.size()) throw refuse(option, spec.program() + ": " + option.text() + " needs a value (" + o.value().name() + ")");
        values.add(new Typed(words.get(at), o.value()));
        return at;
    }

    private Opt inScope(String name) {
        Opt o = find(spec.globals(), name);
        if (o != null) return o;
        if (form == null) {
            form = completed();
            if (form == null) return null;
        }
        return find(form.options(), name);
    }

    private static Opt find(List<Opt> options, String name) {
        for (Opt o : options) if (o.names().contains(name)) return o;
        return null;
    }

    private CheckedCommand finish() {
        Operands shape = form.operands();
        Set<String> options = new HashSet<>(present);
        if (operands.size() < shape.min(options)) {
            throw refuse(words.get(words.size() - 1), "'" + line() + "' needs " + (shape.shown().isEmpty() ? "more" : shape.shown()));
        }
        if (shape.max(options) >= 0 && operands.size() > shape.max(options)) {
            Word extra = operands.get(shape.max(options));
            throw refuse(extra, spec.program() + ": '" + shown(extra) + "' is one argument too many (" + usage() + ")");
        }
        if (!form.requires().isEmpty() && form.requires().stream().noneMatch(r -> present.contains(canonical(r)))) {
            throw refuse(words.get(0), spec.program() + " needs " + String.join(" or ", form.requires())
                    + " to stay read-only (" + spec.writes().getOrDefault("requires", spec.source()) + ")");
        }
        List<Typed> typed = new ArrayList<>(values);
        for (int k = 0; k < operands.size(); k++) typed.add(new Typed(operands.get(k), shape.type(k, options)));
        CheckedCommand.Output output = CheckedCommand.Output.TEXT;
        for (Typed tw : typed) {
            Word w = tw.word();
            if (w.kind() == Word.Kind.TEMPLATE) continue; // checked when the step runs and the value is known
            String problem = tw.type().problem(w.text());
            if (problem != null) throw refuse(w, spec.program() + ": '" + shown(w) + "' is refused as " + tw.type().name() + ": " + problem);
            if ((tw.type() == ArgType.FILE || tw.type() == ArgType.TREE) && PathRules.access(w.text()) == PathRules.Access.KUBECONFIG) {
                if (!form.wholeFile() || operands.size() != 1 || !present.isEmpty() || tw.type() != ArgType.FILE) {
                    throw refuse(w, spec.program() + ": '" + shown(w) + "' is a kubeconfig: ktriage reads one only whole, as `cat "
                            + w.text() + "`, and keeps no keys or tokens from it");
                }
                output = CheckedCommand.Output.KUBECONFIG;
            }
        }
        return new CheckedCommand(words.stream().map(Word::text).toList(), output);
    }

    private String canonical(String name) {
        for (Opt o : form.options()) if (o.names().contains(name)) return o.names().get(0);
        for (Opt o : spec.globals()) if (o.names().contains(name)) return o.names().get(0);
        return name;
    }

    private CommandRefused unknownOption(Word w, String name) {
        String why = spec.writes().get(name);
        if (why == null && name.startsWith("--")) {
            // getopt_long takes unambiguous abbreviations: --sys is --system
            for (var e : spec.writes().entrySet()) {
                if (e.getKey().startsWith("--") && e.getKey().startsWith(name)) why = e.getKey() + ": " + e.getValue();
            }
        }
        String where = form == null || form.path().isEmpty() ? spec.program() : spec.program() + " " + form.shownPath();
        if (why != null) return refuse(w, "'" + where + " " + name + "' is not read-only: " + why);
        return refuse(w, where + ": option '" + name + "' is not on ktriage's read-only list (" + usage() + ")");
    }

    private String usage() {
        List<String> opts = new ArrayList<>();
        for (Opt o : spec.globals()) opts.add(o.shown());
        if (form != null) for (Opt o : form.options()) opts.add(o.shown());
        String path = form == null ? "" : form.shownPath();
        String operandsShown = form == null ? "" : form.operands().shown();
        return (spec.program() + " " + path + " " + (opts.isEmpty() ? "" : "[" + String.join("] [", opts) + "] ") + operandsShown)
                .replaceAll(" +", " ").trim();
    }

    private String line() {
        return String.join(" ", words.stream().map(Word::text).toList());
    }

    private static String shown(Word w) {
        String t = w.text();
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }

    private static CommandRefused refuse(Word at, String message) {
        return new CommandRefused(message, at.offset());
    }
}
