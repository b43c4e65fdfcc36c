package dev.ktriage.playbook.extract;

import dev.ktriage.spi.EvidenceView;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Regex handling shared by the line-based extractors. */
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

    /** The lines of the answer (or of variable {@code from}) in which {@code p} finds a match. */
    static List<String> matching(EvidenceView evidence, String from, Pattern p) {
        return evidence.lines(from).stream().filter(l -> p.matcher(l).find()).toList();
    }
}
