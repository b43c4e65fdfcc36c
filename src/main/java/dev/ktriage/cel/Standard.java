package dev.ktriage.cel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CEL's standard operators and functions, for the subset ktriage's environment declares: arithmetic
 * on int and double (int overflow is an error), string and list concatenation, comparison across
 * int and double, {@code in}, indexing, {@code size}, the string predicates, {@code matches} (a
 * search with Java's regular expressions) and the conversions int, double, string, bool, dyn.
 */
final class Standard {

    private Standard() {
    }

    static void register(Functions f) {
        f.define("_+_", (t, a) -> add(a.get(0), a.get(1)));
        f.define("_-_", (t, a) -> arithmetic("-", a.get(0), a.get(1)));
        f.define("_*_", (t, a) -> arithmetic("*", a.get(0), a.get(1)));
        f.define("_/_", (t, a) -> arithmetic("/", a.get(0), a.get(1)));
        f.define("_%_", (t, a) -> a.get(0) instanceof Long x && a.get(1) instanceof Long y
                ? (y == 0 ? Err.of("modulus by zero") : (Object) (x % y)) : noOverload("_%_", a));
        f.define("-_", (t, a) -> a.get(0) instanceof Long x ? (Object) Math.negateExact(x)
                : a.get(0) instanceof Double d ? (Object) (-d) : noOverload("-_", a));
        f.define("!_", (t, a) -> a.get(0) instanceof Boolean b ? (Object) !b : noOverload("!_", a));
        f.define("_==_", (t, a) -> Values.equal(a.get(0), a.get(1)));
        f.define("_!=_", (t, a) -> !Values.equal(a.get(0), a.get(1)));
        f.define("_<_", (t, a) -> order(a, c -> c < 0));
        f.define("_<=_", (t, a) -> order(a, c -> c <= 0));
        f.define("_>_", (t, a) -> order(a, c -> c > 0));
        f.define("_>=_", (t, a) -> order(a, c -> c >= 0));
        f.define("_[_]", (t, a) -> index(a.get(0), a.get(1)));
        f.define("@in", (t, a) -> in(a.get(0), a.get(1)));
        f.define("size", (t, a) -> size(t != null ? t : a.get(0)));
        f.define("contains", (t, a) -> ((String) t).contains((String) a.get(0)));
        f.define("startsWith", (t, a) -> ((String) t).startsWith((String) a.get(0)));
        f.define("endsWith", (t, a) -> ((String) t).endsWith((String) a.get(0)));
        f.define("matches", (t, a) -> t != null ? Functions.regex((String) a.get(0)).matcher((String) t).find()
                : Functions.regex((String) a.get(1)).matcher((String) a.get(0)).find());
        f.define("int", (t, a) -> toInt(a.get(0)));
        f.define("double", (t, a) -> toDouble(a.get(0)));
        f.define("string", (t, a) -> toText(a.get(0)));
        f.define("bool", (t, a) -> toBool(a.get(0)));
        f.define("dyn", (t, a) -> a.get(0));
    }

    static Err noOverload(String fn, List<Object> args) {
        List<String> types = new ArrayList<>();
        for (Object o : args) types.add(Values.typeName(o));
        return Err.of("no matching overload for '" + fn + "' applied to (" + String.join(", ", types) + ")");
    }

    private static Object add(Object x, Object y) {
        if (x instanceof String a && y instanceof String b) return a + b;
        if (x instanceof List<?> a && y instanceof List<?> b) {
            List<Object> out = new ArrayList<>(a.size() + b.size());
            out.addAll(a);
            out.addAll(b);
            return out;
        }
        return arithmetic("+", x, y);
    }

    private static Object arithmetic(String op, Object x, Object y) {
        if (x instanceof Long a && y instanceof Long b) {
            return switch (op) {
                case "+" -> Math.addExact(a, b);
                case "-" -> Math.subtractExact(a, b);
                case "*" -> Math.multiplyExact(a, b);
                default -> b == 0 ? Err.of("division by zero") : (a == Long.MIN_VALUE && b == -1 ? Err.of("integer overflow") : (Object) (a / b));
            };
        }
        if (x instanceof Double a && y instanceof Double b) {
            return switch (op) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                default -> a / b;
            };
        }
        return Err.of("no matching overload for '_" + op + "_' applied to (" + Values.typeName(x) + ", " + Values.typeName(y) + ")");
    }

    private interface Test {
        boolean holds(int comparison);
    }

    private static Object order(List<Object> a, Test test) {
        Object c = Values.compare(a.get(0), a.get(1));
        if (c == null) return false; // NaN is unordered
        if (c instanceof Err e) return e;
        return test.holds((Integer) c);
    }

    private static Object index(Object container, Object key) {
        if (container instanceof List<?> l) {
            long i;
            if (key instanceof Long k) i = k;
            else if (key instanceof Double d && d == Math.rint(d)) i = d.longValue();
            else return Err.of("list index must be an int, not " + Values.typeName(key));
            if (i < 0 || i >= l.size()) return Err.of("index " + i + " out of range (size " + l.size() + ")");
            return l.get((int) i);
        }
        if (container instanceof Map<?, ?> m) {
            if (!m.containsKey(key)) return Err.of("no such key: " + key);
            return m.get(key);
        }
        return Err.of("cannot index " + Values.typeName(container));
    }

    private static Object in(Object elem, Object container) {
        if (container instanceof List<?> l) {
            for (Object o : l) if (Values.equal(elem, o)) return true;
            return false;
        }
        if (container instanceof Map<?, ?> m) return m.containsKey(elem);
        return Err.of("'in' needs a list or a map, not " + Values.typeName(container));
    }

    private static Object size(Object v) {
        if (v instanceof String s) return (long) s.codePointCount(0, s.length());
        if (v instanceof List<?> l) return (long) l.size();
        if (v instanceof Map<?, ?> m) return (long) m.size();
        return Err.of("size of " + Values.typeName(v));
    }

    private static Object toInt(Object v) {
        if (v instanceof Long) return v;
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite() || d >= 9.223372036854775807e18 || d < -9.223372036854775808e18) {
                return Err.of("double " + d + " out of int range");
            }
            return (long) (double) d;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return Err.of("'" + s + "' is not an int");
            }
        }
        return Err.of("cannot convert " + Values.typeName(v) + " to int");
    }

    private static Object toDouble(Object v) {
        if (v instanceof Double) return v;
        if (v instanceof Long l) return (double) l;
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Err.of("'" + s + "' is not a double");
            }
        }
        return Err.of("cannot convert " + Values.typeName(v) + " to double");
    }

    private static Object toText(Object v) {
        if (v instanceof String || v instanceof Long || v instanceof Boolean) return String.valueOf(v);
        if (v instanceof Double d) return String.valueOf(d);
        return Err.of("cannot convert " + Values.typeName(v) + " to string");
    }

    private static Object toBool(Object v) {
        if (v instanceof Boolean) return v;
        if (v instanceof String s) {
            switch (s) {
                case "1", "t", "true", "TRUE", "True" -> {
                    return true;
                }
                case "0", "f", "false", "FALSE", "False" -> {
                    return false;
                }
                default -> {
                    return Err.of("'" + s + "' is not a bool");
                }
            }
        }
        return Err.of("cannot convert " + Values.typeName(v) + " to bool");
    }
}
