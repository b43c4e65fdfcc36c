package dev.ktriage.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML value that remembers where it was written. Input files are read into this tree first and
 * bound strictly afterwards, so every error (unknown key, wrong type, bad reference) can name
 * file:line:column.
 */
public sealed interface YNode {

    Location at();

    /** What the value is, for "expected a list, got a mapping" messages. */
    String kindName();

    default YamlException error(String message) {
        return new YamlException(at(), message);
    }

    default YMap asMap() {
        if (this instanceof YMap m) return m;
        throw error("expected a mapping, got " + kindName());
    }

    default YList asList() {
        if (this instanceof YList l) return l;
        throw error("expected a list, got " + kindName());
    }

    default YScalar asScalar() {
        if (this instanceof YScalar s) return s;
        throw error("expected a single value, got " + kindName());
    }

    default String asText() {
        YScalar s = asScalar();
        if (s.isNull()) throw error("expected a value, got nothing");
        return s.text();
    }

    default int asInt() {
        String t = asText();
        try {
            return Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw error("expected a whole number, got '" + t + "'");
        }
    }

    default boolean asBoolean() {
        String t = asText();
        if (t.equals("true")) return true;
        if (t.equals("false")) return false;
        throw error("expected true or false, got '" + t + "'");
    }

    /** A mapping with its keys in file order. */
    record YMap(Location at, Map<String, YNode> entries, Map<String, Location> keyLocations) implements YNode {
        public String kindName() {
            return "a mapping";
        }

        public YNode get(String key) {
            return entries.get(key);
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        public YNode require(String key) {
            YNode n = entries.get(key);
            if (n == null) throw error("missing required key '" + key + "'");
            return n;
        }

        public String text(String key, String fallback) {
            YNode n = entries.get(key);
            return n == null || (n instanceof YScalar s && s.isNull()) ? fallback : n.asText();
        }

        /** Strict binding: any key outside {@code allowed} is an error at that key's position. */
        public YMap onlyKeys(Set<String> allowed) {
            for (Map.Entry<String, Location> e : keyLocations.entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    List<String> sorted = new ArrayList<>(allowed);
                    Collections.sort(sorted);
                    throw new YamlException(e.getValue(), "unknown key '" + e.getKey() + "' (expected one of: "
                            + String.join(", ", sorted) + ")");
                }
            }
            return this;
        }

        public Location keyAt(String key) {
            return keyLocations.getOrDefault(key, at);
        }

        static YMap empty(Location at) {
            return new YMap(at, new LinkedHashMap<>(), new LinkedHashMap<>());
        }
    }

    record YList(Location at, List<YNode> items) implements YNode {
        public String kindName() {
            return "a list";
        }
    }

    /**
     * A scalar as written; {@code quoted} scalars are always strings.
     *
     * @param raw the scalar's source text (quotes or block header included), to place an offset
     *            inside the value; null when not known (a cached tree)
     */
    record YScalar(Location at, String text, boolean isNull, ScalarType type, String raw) implements YNode {

        public YScalar(Location at, String text, boolean isNull, ScalarType type) {
            this(at, text, isNull, type, null);
        }

        public String kindName() {
            return isNull ? "nothing" : "a value";
        }

        /**
         * Where the value's character at {@code offset} was written: past the opening quote of a
         * quoted scalar, on its own line in a block scalar ({@code |} or {@code >}, whose lines each
         * contribute their text and one separator). The scalar's start when that cannot be told.
         */
        public Location locate(int offset) {
            if (raw == null || raw.isEmpty() || at.line() <= 0) return at;
            char first = raw.charAt(0);
            if (first != '|' && first != '>') {
                int shift = first == '"' || first == '\'' ? 1 : 0;
                return raw.indexOf('\n') < 0 ? new Location(at.file(), at.line(), at.column() + shift + offset) : at;
            }
            String[] lines = raw.split("\n", -1);
            int indent = -1;
            int consumed = 0;
            for (int k = 1; k < lines.length; k++) {
                String line = lines[k];
                if (line.isBlank()) continue;
                if (indent < 0) indent = line.length() - line.stripLeading().length();
                int len = Math.max(0, line.length() - indent);
                if (offset < consumed + len + 1) return new Location(at.file(), at.line() + k, indent + 1 + offset - consumed);
                consumed += len + 1;
            }
            return at;
        }
    }

    enum ScalarType { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }
}
