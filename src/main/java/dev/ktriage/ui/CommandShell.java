package dev.ktriage.ui;

import java.io.PrintWriter;
import java.util.List;

/**
 * Commands a line-mode front end offers without owning them. The cli implements it over the same
 * picocli command classes {@code ktriage} runs (list, triage, replay, plugin test), so the REPL gets
 * those commands, their usage and their completion from one model without importing picocli, and
 * picocli never meets JLine. The commands run against the front end's own target and playbooks.
 */
public interface CommandShell {

    /** What may come at a position of a line: words to offer, and whether a file path fits there too. */
    record Completion(List<String> words, boolean paths) {
        public static final Completion NONE = new Completion(List.of(), false);
    }

    /** The command names, in the order {@link #summary()} lists them. */
    List<String> names();

    /** One line per command: its name and what it does, for the front end's help. */
    String summary();

    /** The full usage of one command (options, parameters, subcommands); empty when it is not one of these. */
    String usage(String name);

    /** What may come at word {@code at} of {@code words} (words[0] is the command; {@code at} may equal the size). */
    Completion complete(List<String> words, int at);

    /**
     * Runs one command line. Errors are one line on {@code err} ({@code ktriage: ...}); nothing exits the
     * process or closes the writers.
     *
     * @return the command's exit code, as {@code ktriage} would return it
     */
    int execute(List<String> words, PrintWriter out, PrintWriter err);

    /** No shared commands: a front end on its own. */
    CommandShell NONE = new CommandShell() {
        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public String summary() {
            return "";
        }

        @Override
        public String usage(String name) {
            return "";
        }

        @Override
        public Completion complete(List<String> words, int at) {
            return Completion.NONE;
        }

        @Override
        public int execute(List<String> words, PrintWriter out, PrintWriter err) {
            err.println("ktriage: no command '" + (words.isEmpty() ? "" : words.get(0)) + "'");
            err.flush();
            return 1;
        }
    };
}
