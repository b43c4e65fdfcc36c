package dev.ktriage.playbook.extract;

import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.Extractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {regex: PATTERN}}: group 1 (or the whole match) of the first matching line; {@code all: true}
 * gives every match. {@code from: VAR} reads a variable instead of the answer's text.
 */
public final class RegexExtractor implements Extractor {

    @Override
    public String type() {
        return "regex";
    }

    @Override
    public Set<String> options() {
        return Set.of("from", "all");
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        Pattern p = Patterns.compile(argument);
        String from = options.get("from");
        boolean all = Boolean.parseBoolean(options.getOrDefault("all", "false"));
        return evidence -> {
            List<Object> values = new ArrayList<>();
            List<String> quotes = new ArrayList<>();
            for (String line : evidence.lines(from)) {
                Matcher m = p.matcher(line);
                if (!m.find()) continue;
                values.add(m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group());
                quotes.add(line);
                if (!all) break;
            }
            if (all) return new Extracted(values, quotes);
            return new Extracted(values.isEmpty() ? null : values.get(0), quotes);
        };
    }
}
