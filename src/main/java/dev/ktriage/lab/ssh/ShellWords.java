package dev.ktriage.lab.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words with the POSIX shell's quoting rules (single quotes, double
 * quotes, backslash). Nothing is expanded or executed: the lab only needs the argument vector the
 * shell would have built, so {@code $(...)} and {@code ;} stay literal text.
 */
final class ShellWords {

    private ShellWords() {
    }

    /** @throws IllegalArgumentException on an unterminated quote, as {@code sh} would refuse it */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw new IllegalArgumentException("unterminated quoted string");
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < line.length()) {
                    char next = line.charAt(i + 1);
                    // backslash-newline is a line continuation and vanishes
                    if (next != '\n') {
                        word.append(next);
                        inWord = true;
                    }
                    i += 2;
                } else {
                    i++;
                }
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    /** Inside double quotes a backslash only escapes {@code $ ` " \} and newline. Returns the index after the closing quote. */
    private static int doubleQuoted(String line, int i, StringBuilder word) {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') return i + 1;
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                if ("$`\"\\".indexOf(next) >= 0) {
                    word.append(next);
                } else if (next != '\n') {
                    word.append(c).append(next);
                }
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated quoted string");
    }
}
