package dev.ktriage.playbook.extract;

import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.Extractor;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code {count: PATTERN}}: how many lines match. */
public final class CountExtractor implements Extractor {

    @Override
    public String type() {
        return "count";
    }

    @Override
    public Set<String> options() {
        return Set.of("from");
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        Pattern p = Patterns.compile(argument);
        String from = options.get("from");
        return evidence -> Extracted.of(BigDecimal.valueOf(Patterns.matching(evidence, from, p).size()));
    }
}
