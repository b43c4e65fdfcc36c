package dev.ktriage.cel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CEL's value rules over plain Java values: type names, equality, ordering, JSON in, text out. */
public final class Values {

    private Values() {
    }

    public static String typeName(Object v) {
        if (v == null) return "null";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Long) return "int";
        if (v instanceof Double) return "double";
        if (v instanceof String) return "string";
        if (v instanceof List) return "list";
        if (v instanceof Map) return "map";
        if (v instanceof Err) return "error";
        return v.getClass().getSimpleName();
    }

    /** CEL equality: numbers compare across int and double, lists and maps element-wise. */
    public static boolean equal(Object a, Object b) {
        if (a == null || b == null) return a == b;
        if (a instanceof Number x && b instanceof Number y) return compareNumbers(x, y) == 0;
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!equal(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) return false;
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) return false;
            }
            return true;
        }
        return a.equals(b);
    }

    static int compareNumbers(Number x, Number y) {
        if (x instanceof Long a && y instanceof Long b) return Long.compare(a, b);
        return Double.compare(x.doubleValue(), y.doubleValue());
    }

    /** Ordering for <, <=, >, >=: numbers, strings, bools; otherwise an error. */
    static Object compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (Double.isNaN(x.doubleValue()) || Double.isNaN(y.doubleValue())) return null;
            return compareNumbers(x, y);
        }
        if (a instanceof String x && b instanceof String y) return x.compareTo(y);
        if (a instanceof Boolean x && b instanceof Boolean y) return Boolean.compare(x, y);
        return Err.of("no ordering between " + typeName(a) + " and " + typeName(b));
    }

    /** A JSON tree as CEL values: objects are maps, integers int, other numbers double. */
    public static Object fromJson(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        if (n.isTextual()) return n.asText();
        if (n.isBoolean()) return n.asBoolean();
        if (n.isIntegralNumber()) {
            // not a ?: expression: it would promote the long to double
            if (n.canConvertToLong()) return n.asLong();
            return n.asDouble();
        }
        if (n.isNumber()) return n.asDouble();
        if (n.isArray()) {
            List<Object> out = new ArrayList<>(n.size());
            for (JsonNode e : n) out.add(fromJson(e));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), fromJson(e.getValue()));
        }
        return out;
    }

    /** How a value reads in a finding or a remedy: strings as they are, lists joined with ", ". */
    public static String text(Object v) {
        if (v == null) return "null";
        if (v instanceof String s) return s;
        if (v instanceof Double d) return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15
                ? String.valueOf(d.longValue()) : String.valueOf(d);
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>(l.size());
            for (Object o : l) parts.add(text(o));
            return String.join(", ", parts);
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) parts.add(text(e.getKey()) + ": " + text(e.getValue()));
            return "{" + String.join(", ", parts) + "}";
        }
        return String.valueOf(v);
    }
}
