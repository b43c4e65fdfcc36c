package dev.ktriage.lab.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * One YAML document as a Jackson tree that remembers where each node was written, so that the
 * loader can report errors as file:line:column. Nodes are addressed by JSON pointer ("/commands/0/run").
 */
final class YamlDocument {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path file;
    private final JsonNode root;
    /** For a field: where its key was written; for an array element or the root: where it starts. */
    private final Map<String, JsonLocation> locations;
    /** Numbers and booleans as written ("010", "1.10", "yes"): sysctl values and inputs are text, not numbers. */
    private final Map<String, String> rawScalars;

    private YamlDocument(Path file, JsonNode root, Map<String, JsonLocation> locations, Map<String, String> rawScalars) {
        this.file = file;
        this.root = root;
        this.locations = locations;
        this.rawScalars = rawScalars;
    }

    /** Every document of a (possibly multi-document) file; empty documents are skipped. */
    static List<YamlDocument> readAll(Path file) {
        List<YamlDocument> docs = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser p = YAML.createParser(in)) {
            while (p.nextToken() != null) {
                Map<String, JsonLocation> locations = new HashMap<>();
                Map<String, String> raw = new HashMap<>();
                locations.put("", p.currentTokenLocation());
                JsonNode root = read(file, p, "", locations, raw);
                if (!root.isNull()) docs.add(new YamlDocument(file, root, locations, raw));
            }
        } catch (JsonProcessingException e) {
            throw ScenarioException.at(file, e.getLocation(), "invalid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage(), e);
        }
        return docs;
    }

    /** Exactly one document (an empty file is an empty mapping). */
    static YamlDocument readOne(Path file) {
        List<YamlDocument> docs = readAll(file);
        if (docs.size() > 1) throw docs.get(1).error("", "expected one YAML document, found " + docs.size());
        return docs.isEmpty() ? new YamlDocument(file, NODES.objectNode(), Map.of(), Map.of()) : docs.get(0);
    }

    private static JsonNode read(Path file, JsonParser p, String pointer, Map<String, JsonLocation> locations,
                                 Map<String, String> raw) throws IOException {
        JsonToken t = p.currentToken();
        if (t.isScalarValue() && t != JsonToken.VALUE_STRING) raw.put(pointer, p.getText());
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = child(pointer, key);
                    if (o.has(key)) throw ScenarioException.at(file, p.currentTokenLocation(), "duplicate key '" + key + "'");
                    locations.put(child, p.currentTokenLocation());
                    p.nextToken();
                    o.set(key, read(file, p, child, locations, raw));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = child(pointer, Integer.toString(i++));
                    locations.put(child, p.currentTokenLocation());
                    a.add(read(file, p, child, locations, raw));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw ScenarioException.at(file, p.currentTokenLocation(), "unexpected YAML token " + t);
        }
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    ScenarioException error(String pointer, String message) {
        return ScenarioException.at(file, locations.get(pointer), message);
    }

    /** The node must be a mapping whose keys are all in {@code allowed} (listed in that order in the error). */
    ObjectNode mapping(String pointer, JsonNode node, List<String> allowed) {
        ObjectNode o = mapping(pointer, node);
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw error(child(pointer, key), "unknown key '" + key + "' (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
        return o;
    }

    ObjectNode mapping(String pointer, JsonNode node) {
        if (!(node instanceof ObjectNode o)) throw error(pointer, describe(pointer) + " must be a mapping, not " + typeOf(node));
        return o;
    }

    ArrayNode list(String pointer, JsonNode node) {
        if (!(node instanceof ArrayNode a)) throw error(pointer, describe(pointer) + " must be a list, not " + typeOf(node));
        return a;
    }

    String string(String pointer, JsonNode node) {
        if (!node.isTextual()) throw error(pointer, describe(pointer) + " must be a string, not " + typeOf(node));
        return node.textValue();
    }

    /** Any scalar as text: YAML reads {@code 1} as a number, but sysctl values and inputs are strings. */
    String scalar(String pointer, JsonNode node) {
        if (!node.isValueNode() || node.isNull()) throw error(pointer, describe(pointer) + " must be a scalar value, not " + typeOf(node));
        return node.isTextual() ? node.textValue() : rawScalars.getOrDefault(pointer, node.asText());
    }

    long integer(String pointer, JsonNode node) {
        if (!node.canConvertToLong() || !node.isIntegralNumber()) {
            throw error(pointer, describe(pointer) + " must be an integer, not " + typeOf(node));
        }
        return node.longValue();
    }

    boolean bool(String pointer, JsonNode node) {
        if (!node.isBoolean()) throw error(pointer, describe(pointer) + " must be true or false, not " + typeOf(node));
        return node.booleanValue();
    }

    /** The string-to-scalar entries of a mapping, in file order. */
    Map<String, String> scalarMap(String pointer, JsonNode node) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Entry<String, JsonNode> e : mapping(pointer, node).properties()) {
            out.put(e.getKey(), scalar(child(pointer, e.getKey()), e.getValue()));
        }
        return out;
    }

    private static String describe(String pointer) {
        if (pointer.isEmpty()) return "the document";
        String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        return "'" + last + "'";
    }

    private static String typeOf(JsonNode node) {
        if (node == null || node.isNull()) return "null";
        if (node.isObject()) return "a mapping";
        if (node.isArray()) return "a list";
        if (node.isTextual()) return "a string";
        if (node.isNumber()) return "a number";
        if (node.isBoolean()) return "a boolean";
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
