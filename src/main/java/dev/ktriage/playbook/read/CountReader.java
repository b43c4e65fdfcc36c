package dev.ktriage.playbook.read;

import dev.ktriage.cel.Functions;
import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.v2.Extractor;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code {count: PATTERN}}: how many lines match (an int), the first few quoted. */
public final class CountReader implements Extractor {

    @Override
    public String type() {
        return "count";
    }

    @Override
    public String valueType(Map<String, String> options) {
        return "int";
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        Pattern p = Functions.regex(argument);
        return answer -> {
            List<String> lines = TextLines.of(answer.text()).stream().filter(l -> p.matcher(l).find()).toList();
            return new Extracted((long) lines.size(), lines.subList(0, Math.min(3, lines.size())));
        };
    }
}
