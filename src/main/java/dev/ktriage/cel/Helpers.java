package dev.ktriage.cel;

import static dev.ktriage.cel.Functions.global;
import static dev.ktriage.cel.Functions.member;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ktriage's own CEL functions, for reading evidence: lines of text, regular-expression captures,
 * unique and most common values, versions, IP addresses and Go durations. A capture that finds
 * nothing is an error (with what was searched), never an empty string; the two-argument forms take
 * the value to use instead. Documented in docs/playbooks.md.
 */
final class Helpers {

    private Helpers() {
    }

    static void register(Functions f) {
        f.helper("lines", (t, a) -> lines((String) t),
                member("lines", "string_lines", "string", "list(string)"));
        f.helper("capture", (t, a) -> capture(t, (String) a.get(0), a.size() > 1 ? a.get(1) : null),
                member("capture", "string_capture", "string", "string", "string"),
                member("capture", "string_capture_or", "string", "string", "string", "string"),
                member("capture", "list_capture", "list(string)", "string", "string"),
                member("capture", "list_capture_or", "list(string)", "string", "string", "string"));
        f.helper("captureAll", (t, a) -> captureAll(t, (String) a.get(0)),
                member("captureAll", "string_capture_all", "string", "list(string)", "string"),
                member("captureAll", "list_capture_all", "list(string)", "list(string)", "string"));
        f.helper("grep", (t, a) -> grep(t, (String) a.get(0)),
                member("grep", "string_grep", "string", "list(string)", "string"),
                member("grep", "list_grep", "list(string)", "list(string)", "string"));
        f.helper("unique", (t, a) -> new ArrayList<>(new LinkedHashSet<>((List<?>) t)),
                member("unique", "list_unique", "list(T)", "list(T)"));
        f.helper("mostCommon", (t, a) -> mostCommon((List<?>) t),
                member("mostCommon", "list_most_common", "list(T)", "T"));
        f.helper("join", (t, a) -> join((List<?>) t, a.isEmpty() ? ", " : (String) a.get(0)),
                member("join", "list_join", "list(string)", "string"),
                member("join", "list_join_with", "list(string)", "string", "string"));
        f.helper("split", (t, a) -> List.of(((String) t).split(Pattern.quote((String) a.get(0)), -1)),
                member("split", "string_split", "string", "list(string)", "string"));
        f.helper("flatten", (t, a) -> flatten((List<?>) t),
                member("flatten", "list_flatten", "list(list(T))", "list(T)"));
        f.helper("replace", (t, a) -> ((String) t).replace((String) a.get(0), (String) a.get(1)),
                member("replace", "string_replace", "string", "string", "string", "string"));
        f.helper("substring", (t, a) -> substring((String) t, (Long) a.get(0), a.size() > 1 ? (Long) a.get(1) : null),
                member("substring", "string_substring", "string", "string", "int"),
                member("substring", "string_substring_range", "string", "string", "int", "int"));
        f.helper("trim", (t, a) -> ((String) t).strip(),
                member("trim", "string_trim", "string", "string"));
        f.helper("lowerAscii", (t, a) -> ((String) t).toLowerCase(java.util.Locale.ROOT),
                member("lowerAscii", "string_lower_ascii", "string", "string"));
        f.helper("max", (t, a) -> extreme((List<?>) t, 1),
                member("max", "list_max", "list(T)", "T"));
        f.helper("min", (t, a) -> extreme((List<?>) t, -1),
                member("min", "list_min", "list(T)", "T"));
        f.helper("sum", (t, a) -> sum((List<?>) t),
                member("sum", "list_sum", "list(T)", "T"));
        f.helper("hexInt", (t, a) -> Long.parseUnsignedLong(((String) t).strip().replaceFirst("^0[xX]", ""), 16),
                member("hexInt", "string_hex_int", "string", "int"));
        f.helper("compareVersions", (t, a) -> (long) Versions.compare((String) a.get(0), (String) a.get(1)),
                global("compareVersions", "compare_versions", "int", "string", "string"));
        f.helper("ipFamily", (t, a) -> (long) Addresses.family((String) a.get(0)),
                global("ipFamily", "ip_family", "int", "string"));
        f.helper("inCidr", (t, a) -> Addresses.inCidr((String) a.get(0), (String) a.get(1)),
                global("inCidr", "in_cidr", "bool", "string", "string"));
        f.helper("seconds", (t, a) -> Durations.seconds((String) a.get(0)),
                global("seconds", "seconds_of", "double", "string"));
    }

    static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : s.lines().toList();
    }

    private static List<String> texts(Object t) {
        if (t instanceof String s) return lines(s);
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) t) out.add(Values.text(o));
        return out;
    }

    private static Object capture(Object t, String regex, Object otherwise) {
        Pattern p = Functions.regex(regex);
        List<String> where = t instanceof String s ? List.of(s) : texts(t);
        for (String s : where) {
            Matcher m = p.matcher(s);
            if (m.find()) return m.groupCount() > 0 ? (m.group(1) == null ? "" : m.group(1)) : m.group();
        }
        if (otherwise != null) return otherwise;
        String shown = Values.text(t);
        if (shown.length() > 80) shown = shown.substring(0, 80) + "…";
        return Err.of("no match of /" + regex + "/ in '" + shown.replace("\n", "\\n") + "'");
    }

    private static List<String> captureAll(Object t, String regex) {
        Pattern p = Functions.regex(regex);
        List<String> out = new ArrayList<>();
        for (String s : t instanceof String str ? List.of(str) : texts(t)) {
            Matcher m = p.matcher(s);
            while (m.find()) out.add(m.groupCount() > 0 ? (m.group(1) == null ? "" : m.group(1)) : m.group());
        }
        return out;
    }

    private static List<String> grep(Object t, String regex) {
        Pattern p = Functions.regex(regex);
        List<String> out = new ArrayList<>();
        for (String s : texts(t)) if (p.matcher(s).find()) out.add(s);
        return out;
    }

    private static List<Object> flatten(List<?> l) {
        List<Object> out = new ArrayList<>();
        for (Object o : l) {
            if (o instanceof List<?> inner) out.addAll(inner);
            else out.add(o);
        }
        return out;
    }

    private static Object substring(String s, Long start, Long end) {
        long e = end == null ? s.length() : end;
        if (start < 0 || e > s.length() || start > e) {
            return Err.of("substring(" + start + (end == null ? "" : ", " + end) + ") of a string of length " + s.length());
        }
        return s.substring((int) (long) start, (int) e);
    }

    private static Object mostCommon(List<?> l) {
        if (l.isEmpty()) return Err.of("mostCommon of an empty list");
        Map<Object, Integer> counts = new LinkedHashMap<>();
        for (Object o : l) counts.merge(o, 1, Integer::sum);
        Object best = null;
        int n = -1;
        for (Map.Entry<Object, Integer> e : counts.entrySet()) {
            if (e.getValue() > n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }

    private static String join(List<?> l, String sep) {
        List<String> parts = new ArrayList<>(l.size());
        for (Object o : l) parts.add(Values.text(o));
        return String.join(sep, parts);
    }

    private static Object extreme(List<?> l, int sign) {
        if (l.isEmpty()) return Err.of((sign > 0 ? "max" : "min") + " of an empty list");
        Object best = l.get(0);
        for (Object o : l) {
            Object c = Values.compare(o, best);
            if (c instanceof Err e) return e;
            if (c != null && Integer.signum((Integer) c) == sign) best = o;
        }
        return best;
    }

    private static Object sum(List<?> l) {
        boolean doubles = l.stream().anyMatch(o -> o instanceof Double);
        if (doubles) {
            double s = 0;
            for (Object o : l) {
                if (!(o instanceof Number n)) return Err.of("sum of " + Values.typeName(o));
                s += n.doubleValue();
            }
            return s;
        }
        long s = 0;
        for (Object o : l) {
            if (!(o instanceof Long n)) return Err.of("sum of " + Values.typeName(o));
            s = Math.addExact(s, n);
        }
        return s;
    }
}
