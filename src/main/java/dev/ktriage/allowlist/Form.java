package dev.ktriage.allowlist;

import java.util.List;

/**
 * One read-only way to call a program: the subcommand words that select it ({@code route get}),
 * the options it takes besides the program's global ones, and its operands.
 *
 * @param path      subcommand words in order; each entry lists the accepted spellings
 * @param requires  options of which at least one must be given (e.g. nstat's -s, which keeps it from
 *                  writing its history file); empty when none is needed
 * @param wholeFile its single operand may be a kubeconfig, read whole and passed through
 *                  {@link KubeconfigReader} (only {@code cat PATH} with no options)
 */
record Form(List<List<String>> path, List<Opt> options, Operands operands, List<String> requires, boolean wholeFile) {

    static Form of(String path, Operands operands, Opt... options) {
        return new Form(words(path), List.of(options), operands, List.of(), false);
    }

    Form requiring(String... anyOf) {
        return new Form(path, options, operands, List.of(anyOf), wholeFile);
    }

    Form readingKubeconfigs() {
        return new Form(path, options, operands, requires, true);
    }

    /** "route|r get": words separated by spaces, spellings by '|'. */
    private static List<List<String>> words(String path) {
        if (path.isBlank()) return List.of();
        return java.util.Arrays.stream(path.trim().split(" +")).map(w -> List.of(w.split("\\|"))).toList();
    }

    String shownPath() {
        return String.join(" ", path.stream().map(w -> String.join("|", w)).toList());
    }
}
