package dev.ktriage.playbook.extract;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles an author's regex, turning a syntax error into a one-line message for the loader. */
final class Patterns {

    private Patterns() {
    }

    static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regular expression '" + regex + "': " + e.getDescription());
        }
    }
}
