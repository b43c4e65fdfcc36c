package dev.ktriage.playbook.extract;

import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.Extractor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code {lines: PATTERN}}: every line that matches, quoted as evidence. {@code from: VAR} as for regex. */
public final class LinesExtractor implements Extractor {

    @Override
    public String type() {
        return "lines";
    }

    @Override
    public Set<String> options() {
        return Set.of("from");
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        Pattern p = Patterns.compile(argument);
        String from = options.get("from");
        return evidence -> {
            List<String> lines = Patterns.matching(evidence, from, p);
            return new Extracted(lines, lines);
        };
    }
}
