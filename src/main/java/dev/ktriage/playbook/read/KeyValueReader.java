package dev.ktriage.playbook.read;

import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.v2.Extractor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code {keyValue: "="}}: lines of KEY SEPARATOR VALUE as a map (sysctl's {@code key = value},
 * /proc/meminfo's {@code Key: value}, env files' {@code KEY=value}); keys and values trimmed, blank
 * lines and {@code #} comments skipped, the first separator splits, a later duplicate key wins as
 * it does for sysctl.d and env files. Lines without the separator are quoted as not understood.
 */
public final class KeyValueReader implements Extractor {

    @Override
    public String type() {
        return "keyValue";
    }

    @Override
    public String valueType(Map<String, String> options) {
        return "map(string,string)";
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        if (argument.isEmpty()) throw new IllegalArgumentException("keyValue needs the separator, e.g. \"=\" or \":\"");
        return answer -> {
            Map<String, Object> out = new LinkedHashMap<>();
            List<String> odd = new ArrayList<>();
            for (String line : TextLines.of(answer.text())) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) continue;
                int at = t.indexOf(argument);
                if (at <= 0) {
                    odd.add(line);
                    continue;
                }
                out.put(t.substring(0, at).strip(), t.substring(at + argument.length()).strip());
            }
            return new Extracted(out, odd);
        };
    }
}
