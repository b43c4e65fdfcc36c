package dev.ktriage.playbook.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The functions a playbook expression may call. All are pure and null-tolerant. */
final class Functions {

    private static final Map<String, Function<List<Object>, Object>> ALL = Map.ofEntries(
            Map.entry("len", a -> len(arg(a, 0))),
            Map.entry("max", a -> extreme(a, 1)),
            Map.entry("min", a -> extreme(a, -1)),
            Map.entry("int", a -> {
                BigDecimal n = Values.number(arg(a, 0));
                return n == null ? null : new BigDecimal(n.toBigInteger());
            }),
            Map.entry("str", a -> Values.text(arg(a, 0))),
            Map.entry("lower", a -> arg(a, 0) == null ? null : Values.text(arg(a, 0)).toLowerCase()),
            Map.entry("trim", a -> arg(a, 0) == null ? null : Values.text(arg(a, 0)).trim()),
            Map.entry("contains", a -> contains(arg(a, 0), arg(a, 1))),
            Map.entry("startsWith", a -> arg(a, 0) != null && Values.text(arg(a, 0)).startsWith(Values.text(arg(a, 1)))),
            Map.entry("matches", a -> !filter(arg(a, 0), regex(arg(a, 1))).isEmpty()),
            Map.entry("count", a -> BigDecimal.valueOf(filter(arg(a, 0), regex(arg(a, 1))).size())),
            Map.entry("filter", a -> filter(arg(a, 0), regex(arg(a, 1)))),
            Map.entry("capture", a -> capture(arg(a, 0), regex(arg(a, 1)))),
            Map.entry("unique", a -> new ArrayList<>(new java.util.LinkedHashSet<>(items(arg(a, 0))))),
            Map.entry("mostCommon", a -> mostCommon(arg(a, 0))),
            Map.entry("first", a -> element(arg(a, 0), 0)),
            Map.entry("last", a -> element(arg(a, 0), -1)),
            Map.entry("empty", a -> len(arg(a, 0)).signum() == 0),
            Map.entry("exists", a -> arg(a, 0) != null),
            Map.entry("if", a -> Values.truthy(arg(a, 0)) ? arg(a, 1) : arg(a, 2)),
            Map.entry("default", a -> arg(a, 0) != null ? arg(a, 0) : arg(a, 1)),
            Map.entry("join", a -> String.join(a.size() > 1 ? Values.text(arg(a, 1)) : ", ",
                    items(arg(a, 0)).stream().map(Values::text).toList())),
            Map.entry("split", a -> arg(a, 0) == null ? List.of()
                    : List.of(Values.text(arg(a, 0)).split(Pattern.quote(Values.text(arg(a, 1))))))
    );

    private Functions() {
    }

    static boolean exists(String name) {
        return ALL.containsKey(name);
    }

    static Object call(String name, List<Object> args) {
        return ALL.get(name).apply(args);
    }

    private static Object arg(List<Object> a, int i) {
        return i < a.size() ? a.get(i) : null;
    }

    private static BigDecimal len(Object v) {
        if (v == null) return BigDecimal.ZERO;
        if (v instanceof Collection<?> c) return BigDecimal.valueOf(c.size());
        if (v instanceof Map<?, ?> m) return BigDecimal.valueOf(m.size());
        return BigDecimal.valueOf(Values.text(v).length());
    }

    /** max/min over all arguments, lists flattened; non-numbers are ignored. */
    private static Object extreme(List<Object> args, int sign) {
        BigDecimal best = null;
        for (Object a : args) {
            for (Object v : items(a)) {
                BigDecimal n = Values.number(v);
                if (n != null && (best == null || n.compareTo(best) * sign > 0)) best = n;
            }
        }
        return best;
    }

    private static boolean contains(Object hay, Object needle) {
        if (hay == null) return false;
        if (hay instanceof Collection<?> c) return c.stream().anyMatch(e -> Values.equal(e, needle));
        return Values.text(hay).contains(Values.text(needle));
    }

    private static Pattern regex(Object v) {
        return Pattern.compile(Values.text(v));
    }

    private static List<Object> filter(Object v, Pattern p) {
        List<Object> out = new ArrayList<>();
        for (Object e : lines(v)) if (p.matcher(Values.text(e)).find()) out.add(e);
        return out;
    }

    private static Object capture(Object v, Pattern p) {
        for (Object e : lines(v)) {
            Matcher m = p.matcher(Values.text(e));
            if (m.find()) return m.groupCount() > 0 ? m.group(1) : m.group();
        }
        return null;
    }

    /** The value that occurs most often (the first of equals), e.g. the fleet's usual setting. */
    private static Object mostCommon(Object v) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        Map<String, Object> firstOf = new java.util.HashMap<>();
        for (Object e : items(v)) {
            String k = Values.text(e);
            counts.merge(k, 1, Integer::sum);
            firstOf.putIfAbsent(k, e);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> firstOf.get(e.getKey())).orElse(null);
    }

    private static Object element(Object v, int i) {
        List<Object> l = items(v);
        if (l.isEmpty()) return null;
        return i < 0 ? l.get(l.size() + i) : l.get(i);
    }

    static List<Object> items(Object v) {
        if (v == null) return List.of();
        if (v instanceof Collection<?> c) return new ArrayList<>(c);
        return List.of(v);
    }

    /** A list is taken element by element; a text block line by line. */
    private static List<Object> lines(Object v) {
        if (v instanceof String s) return new ArrayList<>(s.lines().toList());
        return items(v);
    }
}
