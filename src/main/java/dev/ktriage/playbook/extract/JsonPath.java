package dev.ktriage.playbook.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A small path language over JSON answers, enough for Kubernetes objects:
 * {@code status.podIP}, {@code items[*].message}, {@code spec.containers[0].ports[*].containerPort},
 * {@code status.conditions[type=Ready].status}, {@code metadata.annotations['example.io/key']}.
 */
public final class JsonPath {

    private sealed interface Segment {}

    private record Field(String name) implements Segment {}

    private record At(int index) implements Segment {}

    private record All() implements Segment {}

    private record Where(String field, String value) implements Segment {}

    private final String source;
    private final List<Segment> segments;

    private JsonPath(String source, List<Segment> segments) {
        this.source = source;
        this.segments = segments;
    }

    public static JsonPath parse(String path) {
        List<Segment> out = new ArrayList<>();
        int i = 0;
        String p = path.trim();
        if (p.startsWith("$")) p = p.substring(1);
        if (p.startsWith(".")) p = p.substring(1);
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int close = p.indexOf(']', i);
                if (close < 0) throw new IllegalArgumentException("'[' without ']' in path '" + path + "'");
                out.add(bracket(p.substring(i + 1, close).trim(), path));
                i = close + 1;
            } else {
                int end = i;
                while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') end++;
                out.add(new Field(p.substring(i, end)));
                i = end;
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("empty path");
        return new JsonPath(path, out);
    }

    private static Segment bracket(String inner, String path) {
        if (inner.equals("*")) return new All();
        if (inner.matches("-?\\d+")) return new At(Integer.parseInt(inner));
        if (inner.length() >= 2 && (inner.startsWith("'") || inner.startsWith("\""))) return new Field(inner.substring(1, inner.length() - 1));
        int eq = inner.indexOf('=');
        if (eq > 0) {
            String v = inner.substring(eq + 1).trim();
            if (v.length() >= 2 && (v.startsWith("'") || v.startsWith("\""))) v = v.substring(1, v.length() - 1);
            return new Where(inner.substring(0, eq).trim(), v);
        }
        throw new IllegalArgumentException("cannot read '[" + inner + "]' in path '" + path + "'");
    }

    /** Every node the path reaches, in document order. */
    public List<JsonNode> select(JsonNode root) {
        List<JsonNode> current = new ArrayList<>();
        if (root != null) current.add(root);
        for (Segment s : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : current) step(n, s, next);
            current = next;
        }
        return current;
    }

    private static void step(JsonNode n, Segment s, List<JsonNode> out) {
        if (s instanceof Field f) {
            JsonNode v = n.get(f.name());
            if (v != null && !v.isNull()) out.add(v);
        } else if (s instanceof At a) {
            if (!n.isArray()) return;
            int i = a.index() < 0 ? n.size() + a.index() : a.index();
            if (i >= 0 && i < n.size()) out.add(n.get(i));
        } else if (s instanceof All) {
            if (n.isArray() || n.isObject()) n.forEach(out::add);
        } else if (s instanceof Where w) {
            if (!n.isArray()) return;
            for (JsonNode e : n) {
                JsonNode v = e.get(w.field());
                if (v != null && v.isValueNode() && v.asText().equals(w.value())) out.add(e);
            }
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
