package dev.ktriage.playbook.read;

import dev.ktriage.cel.Functions;
import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.v2.Extractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {regex: PATTERN}}: the first group of the first line that matches (the whole match without
 * a group), its line quoted; with {@code all: true} every match, as a list. When no line matches
 * the value is absent, with the pattern as the reason.
 */
public final class RegexReader implements Extractor {

    @Override
    public String type() {
        return "regex";
    }

    @Override
    public Set<String> options() {
        return Set.of("all");
    }

    @Override
    public String valueType(Map<String, String> options) {
        return all(options) ? "list(string)" : "string";
    }

    private static boolean all(Map<String, String> options) {
        String all = options.getOrDefault("all", "false");
        if (!all.equals("true") && !all.equals("false")) throw new IllegalArgumentException("all: is true or false");
        return all.equals("true");
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        Pattern p = Functions.regex(argument);
        boolean every = all(options);
        return answer -> {
            List<String> values = new ArrayList<>();
            List<String> quotes = new ArrayList<>();
            for (String line : TextLines.of(answer.text())) {
                Matcher m = p.matcher(line);
                boolean matched = false;
                while (m.find()) {
                    matched = true;
                    values.add(m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group());
                    if (!every) break;
                }
                if (matched) quotes.add(line);
                if (matched && !every) return new Extracted(values.get(0), quotes);
            }
            if (every) return new Extracted(values, quotes);
            throw new NothingFound("no line matched " + TextLines.shown(argument));
        };
    }
}
