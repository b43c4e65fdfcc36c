package dev.ktriage.allowlist;

import java.util.List;
import java.util.Map;

/**
 * A program ktriage may run on a node, and the grammar of every read-only way to call it.
 *
 * @param names          the program's names (resolved on the node's PATH, never a path)
 * @param style          how options are spelled
 * @param globals        options allowed anywhere (before the subcommand words too)
 * @param forms          the read-only forms; the first whose subcommand words match is used
 * @param operandsFirst  operands must precede every option (find's starting points)
 * @param source         the manual page sections that say why these forms cannot write
 * @param writes         options and subcommands known to write, with why: named in refusals and docs
 */
record CommandSpec(List<String> names, Style style, List<Opt> globals, List<Form> forms, boolean operandsFirst,
                   String source, Map<String, String> writes) {

    enum Style {
        /** getopt_long: {@code -abc} clusters, {@code -nVALUE}, {@code --long[=VALUE]}, {@code --}. */
        GNU,
        /** Whole words: {@code -name} (find) or {@code -json}, {@code dev} (ip); nothing is split. */
        WORDS
    }

    String program() {
        return names.get(0);
    }
}
