package dev.ktriage.playbook.expr;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The value model of expressions: null, Boolean, BigDecimal, String, List, Map. Evidence is mostly
 * text (sysctl values, exit codes in output), so a string that reads as a number compares as one.
 */
public final class Values {

    private Values() {
    }

    public static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof BigDecimal d) return d.signum() != 0;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof Collection<?> c) return !c.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    /** The number a value stands for, or null when it is not numeric. */
    public static BigDecimal number(Object v) {
        if (v instanceof BigDecimal d) return d;
        if (v instanceof Number n) return new BigDecimal(n.toString());
        if (v instanceof String s) {
            String t = s.trim();
            if (t.matches("-?\\d+(\\.\\d+)?")) return new BigDecimal(t);
        }
        return null;
    }

    public static boolean equal(Object a, Object b) {
        if (a == null || b == null) return a == b;
        BigDecimal na = number(a);
        BigDecimal nb = number(b);
        if (na != null && nb != null) return na.compareTo(nb) == 0;
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) return false;
            for (int i = 0; i < la.size(); i++) if (!equal(la.get(i), lb.get(i))) return false;
            return true;
        }
        return text(a).equals(text(b));
    }

    /** How a value reads in a template or a message. */
    public static String text(Object v) {
        if (v == null) return "";
        if (v instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        if (v instanceof List<?> l) return l.stream().map(Values::text).collect(Collectors.joining(", "));
        return v.toString();
    }

    /** Normalises numbers from JSON or Java into BigDecimal, leaving the rest as it is. */
    public static Object normalize(Object v) {
        if (v instanceof BigDecimal || v == null) return v;
        if (v instanceof Number n) return new BigDecimal(n.toString());
        if (v instanceof List<?> l) return l.stream().map(Values::normalize).toList();
        return v;
    }
}
