package dev.ktriage.playbook.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.json.JsonTrees;
import dev.ktriage.playbook.expr.Values;
import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.Extractor;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code {json: PATH}}: the first value the path reaches; {@code all: true} gives every value as a list. */
public final class JsonExtractor implements Extractor {


    @Override
    public String type() {
        return "json";
    }

    @Override
    public Set<String> options() {
        return Set.of("all");
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        JsonPath path = JsonPath.parse(argument);
        boolean all = Boolean.parseBoolean(options.getOrDefault("all", "false"));
        return evidence -> {
            List<JsonNode> found = path.select(evidence.json());
            if (all) return Extracted.of(found.stream().map(JsonExtractor::plain).toList());
            return Extracted.of(found.isEmpty() ? null : plain(found.get(0)));
        };
    }

    /** JSON as expression values: text, BigDecimal, Boolean, List, Map. */
    static Object plain(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isTextual()) return n.asText();
        if (n.isNumber()) return n.decimalValue();
        if (n.isBoolean()) return n.asBoolean();
        return Values.normalize(JsonTrees.plain(n));
    }
}
