package dev.ktriage.lab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.yaml.Location;
import dev.ktriage.yaml.YNode;
import dev.ktriage.yaml.YNodeJson;
import dev.ktriage.yaml.YamlException;
import dev.ktriage.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value of a scenario file, read by {@link YamlReader}, with what an error about it names: the
 * key or list index it sits at ("'exit' must be an integer") and where — a mapping's value at its
 * key, a list item or a document where it starts. Errors are {@link ScenarioException}s.
 */
final class ScenarioValue {

    private final YNode node;
    /** The document, or the key or index in quotes. */
    private final String name;
    private final Location at;

    private ScenarioValue(YNode node, String name, Location at) {
        this.node = node;
        this.name = name;
        this.at = at;
    }

    /** Every document of a (possibly multi-document) file; empty documents are skipped. */
    static List<ScenarioValue> documents(Path file) {
        List<ScenarioValue> docs = new ArrayList<>();
        for (YNode doc : read(file)) docs.add(new ScenarioValue(doc, "the document", doc.at()));
        return docs;
    }

    /** Exactly one document; an empty file is an empty mapping, which errors name by the file alone. */
    static ScenarioValue document(Path file) {
        List<ScenarioValue> docs = documents(file);
        if (docs.size() > 1) throw docs.get(1).error("expected one YAML document, found " + docs.size());
        if (!docs.isEmpty()) return docs.get(0);
        Location whole = new Location(file.toString(), 0, 0);
        return new ScenarioValue(new YNode.YMap(whole, Map.of(), Map.of()), "the document", whole);
    }

    private static List<YNode> read(Path file) {
        try {
            return YamlReader.readAll(file, file.toString());
        } catch (YamlException e) {
            throw new ScenarioException(e.getMessage(), e);
        }
    }

    ScenarioException error(String message) {
        return ScenarioException.at(at, message);
    }

    String name() {
        return name;
    }

    /** Whether this mapping has the key, null or not. */
    boolean has(String key) {
        return node instanceof YNode.YMap m && m.has(key);
    }

    /** Whether this mapping has the key with a value other than null. */
    boolean hasValue(String key) {
        return has(key) && !isNull(((YNode.YMap) node).get(key));
    }

    boolean isEmptyMapping() {
        return node instanceof YNode.YMap m && m.entries().isEmpty();
    }

    /** The value at {@code key} of this mapping (which {@link #has} it). */
    ScenarioValue get(String key) {
        YNode.YMap m = (YNode.YMap) node;
        return new ScenarioValue(m.get(key), "'" + key + "'", m.keyAt(key));
    }

    /** The scalar text at {@code key} of this mapping, or null (no such key, not a scalar, null). */
    String textAt(String key) {
        return has(key) && ((YNode.YMap) node).get(key) instanceof YNode.YScalar s ? s.text() : null;
    }

    /** This value must be a mapping. */
    ScenarioValue mapping() {
        if (!(node instanceof YNode.YMap)) throw mustBe("a mapping");
        return this;
    }

    /** This value must be a mapping whose keys are all in {@code allowed} (listed in that order in the error). */
    ScenarioValue mapping(List<String> allowed) {
        YNode.YMap m = (YNode.YMap) mapping().node;
        for (String key : m.entries().keySet()) {
            if (!allowed.contains(key)) {
                throw ScenarioException.at(m.keyAt(key), "unknown key '" + key + "' (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    /** This value must be a list: its items. */
    List<ScenarioValue> list() {
        if (!(node instanceof YNode.YList l)) throw mustBe("a list");
        List<ScenarioValue> items = new ArrayList<>(l.items().size());
        for (int i = 0; i < l.items().size(); i++) {
            YNode item = l.items().get(i);
            items.add(new ScenarioValue(item, "'" + i + "'", item.at()));
        }
        return items;
    }

    String string() {
        if (!(node instanceof YNode.YScalar s) || s.isNull() || s.type() != YNode.ScalarType.STRING) throw mustBe("a string");
        return s.text();
    }

    /** Any scalar as written: YAML reads {@code 1.10} as a number, but sysctl values and inputs are text. */
    String scalar() {
        if (!(node instanceof YNode.YScalar s) || s.isNull()) throw mustBe("a scalar value");
        return s.text();
    }

    long integer() {
        JsonNode j = json();
        if (!j.canConvertToLong() || !j.isIntegralNumber()) throw mustBe("an integer");
        return j.longValue();
    }

    boolean bool() {
        JsonNode j = json();
        if (!j.isBoolean()) throw mustBe("true or false");
        return j.booleanValue();
    }

    /** The string-to-scalar entries of a mapping, in file order. */
    Map<String, String> scalarMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : ((YNode.YMap) mapping().node).entries().keySet()) out.put(key, get(key).scalar());
        return out;
    }

    /** This value as JSON, with the types YAML gives its scalars (see {@link YNodeJson}). */
    JsonNode json() {
        try {
            return YNodeJson.toJson(node);
        } catch (YamlException e) {
            throw new ScenarioException(e.getMessage(), e);
        }
    }

    private ScenarioException mustBe(String what) {
        return error(name + " must be " + what + ", not " + typeName());
    }

    private String typeName() {
        if (node instanceof YNode.YMap) return "a mapping";
        if (node instanceof YNode.YList) return "a list";
        YNode.YScalar s = (YNode.YScalar) node;
        if (s.isNull()) return "null";
        return switch (s.type()) {
            case STRING -> "a string";
            case INTEGER, DECIMAL -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
        };
    }

    private static boolean isNull(YNode n) {
        return n instanceof YNode.YScalar s && s.isNull();
    }
}
