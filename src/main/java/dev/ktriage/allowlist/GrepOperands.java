package dev.ktriage.allowlist;

import java.util.Set;

/**
 * grep's operands: the pattern first unless -e/-f gave it, then at least one file. With -r/-R the
 * files are folders read recursively, so none may have a secret below it.
 */
final class GrepOperands implements Operands {

    private static boolean patternGiven(Set<String> options) {
        return options.contains("-e") || options.contains("-f");
    }

    private static boolean recursive(Set<String> options) {
        return options.contains("-r") || options.contains("-R");
    }

    @Override
    public int min(Set<String> options) {
        return patternGiven(options) ? 1 : 2;
    }

    @Override
    public int max(Set<String> options) {
        return -1;
    }

    @Override
    public ArgType type(int index, Set<String> options) {
        if (index == 0 && !patternGiven(options)) return ArgType.TEXT;
        return recursive(options) ? ArgType.TREE : ArgType.FILE;
    }

    @Override
    public String shown() {
        return "[PATTERN] PATH...";
    }
}
