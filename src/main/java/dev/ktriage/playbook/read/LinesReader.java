package dev.ktriage.playbook.read;

import dev.ktriage.cel.Functions;
import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.v2.Extractor;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code {lines: PATTERN}}: the lines that match, quoted as evidence; an empty list when none does. */
public final class LinesReader implements Extractor {

    @Override
    public String type() {
        return "lines";
    }

    @Override
    public String valueType(Map<String, String> options) {
        return "list(string)";
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        Pattern p = Functions.regex(argument);
        return answer -> {
            List<String> lines = TextLines.of(answer.text()).stream().filter(l -> p.matcher(l).find()).toList();
            return new Extracted(lines, lines);
        };
    }
}
