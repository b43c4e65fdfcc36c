package dev.ktriage.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML (one or many documents) into {@link YNode} trees that keep file:line:column. */
public final class YamlReader {

    /** Also {@link YNodeJson}'s, so that a scalar it reads again means there what it meant in the file. */
    static final YAMLFactory FACTORY = new YAMLFactory();

    private final String displayName;
    private final boolean keepSource;
    private String text;

    private YamlReader(String displayName, boolean keepSource) {
        this.displayName = displayName;
        this.keepSource = keepSource;
    }

    /** Every document in the file; an empty file gives an empty list. */
    public static List<YNode> readAll(Path file, String displayName) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new YamlException(new Location(displayName, 0, 0), "file not found");
        } catch (IOException e) {
            throw new YamlException(new Location(displayName, 0, 0), "cannot read: " + e.getMessage());
        }
        return readAll(text, displayName);
    }

    public static List<YNode> readAll(String text, String displayName) {
        return new YamlReader(displayName, false).documents(text);
    }

    /**
     * As {@link #readAll(String, String)}, each string scalar keeping its source text so that a
     * position inside it (an expression's, a node command argument's) can be placed exactly
     * ({@link YNode.YScalar#locate}). For playbooks; large data files do without the copy.
     */
    public static List<YNode> readAllWithSource(String text, String displayName) {
        return new YamlReader(displayName, true).documents(text);
    }

    /** Exactly one document (empty → an empty mapping). */
    public static YNode readOne(Path file, String displayName) {
        List<YNode> docs = readAll(file, displayName);
        if (docs.size() > 1) throw docs.get(1).error("expected one YAML document, found " + docs.size());
        return docs.isEmpty() ? YNode.YMap.empty(new Location(displayName, 1, 1)) : docs.get(0);
    }

    private List<YNode> documents(String text) {
        this.text = text;
        List<YNode> docs = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                YNode doc = value(p, t);
                if (!(doc instanceof YNode.YScalar s && s.isNull())) docs.add(doc);
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
            throw new YamlException(loc(l), "malformed YAML: " + msg);
        } catch (IOException e) {
            throw new YamlException(new Location(displayName, 0, 0), "cannot read: " + e.getMessage());
        }
        return docs;
    }

    private YNode value(JsonParser p, JsonToken t) throws IOException {
        Location at = loc(p.currentTokenLocation());
        switch (t) {
            case START_OBJECT -> {
                Map<String, YNode> entries = new LinkedHashMap<>();
                Map<String, Location> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyAt = loc(p.currentTokenLocation());
                    if (keys.containsKey(key)) throw new YamlException(keyAt, "duplicate key '" + key + "'");
                    keys.put(key, keyAt);
                    entries.put(key, value(p, p.nextToken()));
                }
                return new YNode.YMap(at, entries, keys);
            }
            case START_ARRAY -> {
                List<YNode> items = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) items.add(value(p, n));
                return new YNode.YList(at, items);
            }
            case VALUE_NULL -> {
                return new YNode.YScalar(at, null, true, YNode.ScalarType.NULL);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YNode.YScalar(at, p.getText(), false, YNode.ScalarType.BOOLEAN);
            }
            case VALUE_NUMBER_INT -> {
                return new YNode.YScalar(at, p.getText(), false, YNode.ScalarType.INTEGER);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YNode.YScalar(at, p.getText(), false, YNode.ScalarType.DECIMAL);
            }
            default -> {
                return new YNode.YScalar(at, p.getText(), false, YNode.ScalarType.STRING, raw(p));
            }
        }
    }

    /** The current scalar's source text, from its first character to the parser's position after it. */
    private String raw(JsonParser p) {
        long from = p.currentTokenLocation().getCharOffset();
        long to = p.currentLocation().getCharOffset();
        if (!keepSource || text == null || from < 0 || to <= from || to > text.length()) return null;
        return text.substring((int) from, (int) to);
    }

    private Location loc(JsonLocation l) {
        return l == null ? new Location(displayName, 0, 0) : new Location(displayName, l.getLineNr(), l.getColumnNr());
    }
}
