package dev.ktriage.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@link YNode} tree as a Jackson tree, with the values YAML gives its scalars: a quoted or
 * other string stays a string, {@code 0x1F} is the integer 31, {@code yes} is true, {@code 1.10}
 * the decimal 1.10 (not the double 1.1), {@code ~} null. Integers become {@code BigIntegerNode}s
 * and decimals {@code DecimalNode}s, so that no value is rounded on its way to JSON.
 */
public final class YNodeJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Forms whose value is their text read as Java reads it; YAML agrees on these. */
    private static final Pattern PLAIN_INTEGER = Pattern.compile("-?(?:0|[1-9][0-9]*)");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(?:0|[1-9][0-9]*)\\.[0-9]+");

    private YNodeJson() {
    }

    /** @throws YamlException at the scalar, for a number JSON cannot hold ({@code .inf}, {@code .nan}) */
    public static JsonNode toJson(YNode node) {
        if (node instanceof YNode.YMap m) {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<String, YNode> e : m.entries().entrySet()) o.set(e.getKey(), toJson(e.getValue()));
            return o;
        }
        if (node instanceof YNode.YList l) {
            ArrayNode a = NODES.arrayNode();
            for (YNode item : l.items()) a.add(toJson(item));
            return a;
        }
        return scalar((YNode.YScalar) node);
    }

    private static JsonNode scalar(YNode.YScalar s) {
        if (s.isNull()) return NODES.nullNode();
        String t = s.text();
        try {
            return switch (s.type()) {
                case INTEGER -> NODES.numberNode(PLAIN_INTEGER.matcher(t).matches() ? new BigInteger(t) : readAgain(s, JsonParser::getBigIntegerValue));
                case DECIMAL -> NODES.numberNode(PLAIN_DECIMAL.matcher(t).matches() ? new BigDecimal(t) : readAgain(s, JsonParser::getDecimalValue));
                case BOOLEAN -> NODES.booleanNode(t.equals("true") || !t.equals("false") && readAgain(s, p -> p.currentToken() == JsonToken.VALUE_TRUE));
                case NULL -> NODES.nullNode();
                case STRING -> NODES.textNode(t);
            };
        } catch (IOException e) {
            String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new YamlException(s.at(), "malformed YAML: " + why, e);
        }
    }

    /**
     * Any other form ({@code 0x1F}, {@code 010}, {@code 1_000}, {@code 1e3}, {@code True}, {@code on})
     * is read again by the parser that read the file, so that it means here what it meant there:
     * rare enough that parsing it twice costs less than keeping a copy of YAML's rules for it.
     */
    private static <T> T readAgain(YNode.YScalar s, ParserRead<T> read) throws IOException {
        try (JsonParser p = YamlReader.FACTORY.createParser(s.text())) {
            p.nextToken();
            return read.from(p);
        }
    }

    private interface ParserRead<T> {
        T from(JsonParser p) throws IOException;
    }
}
