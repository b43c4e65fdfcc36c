package dev.ktriage.playbook.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Evaluates expressions against variables. Pure: no clock, no I/O. */
public final class Evaluator {

    private final Function<String, Object> variables;

    public Evaluator(Function<String, Object> variables) {
        this.variables = variables;
    }

    public static Evaluator of(Map<String, Object> variables) {
        return new Evaluator(variables::get);
    }

    public boolean test(Expr e) {
        return Values.truthy(eval(e));
    }

    public Object eval(Expr e) {
        if (e instanceof Expr.Literal l) return l.value();
        if (e instanceof Expr.Var v) return Values.normalize(variables.apply(v.name()));
        if (e instanceof Expr.Unary u) return !Values.truthy(eval(u.operand()));
        if (e instanceof Expr.Call c) {
            List<Object> args = new ArrayList<>();
            for (Expr a : c.args()) args.add(eval(a));
            return Functions.call(c.function(), args);
        }
        if (e instanceof Expr.ListOf l) {
            List<Object> items = new ArrayList<>();
            for (Expr a : l.items()) items.add(eval(a));
            return items;
        }
        if (e instanceof Expr.Index i) return index(eval(i.target()), eval(i.index()));
        Expr.Binary b = (Expr.Binary) e;
        return switch (b.op()) {
            case "&&" -> test(b.left()) && test(b.right());
            case "||" -> test(b.left()) || test(b.right());
            default -> binary(b.op(), eval(b.left()), eval(b.right()));
        };
    }

    private static Object binary(String op, Object l, Object r) {
        switch (op) {
            case "==":
                return Values.equal(l, r);
            case "!=":
                return !Values.equal(l, r);
            case "=~":
                return l != null && Pattern.compile(Values.text(r)).matcher(Values.text(l)).find();
            case "in":
                return Functions.items(r).stream().anyMatch(x -> Values.equal(l, x));
            case "+": {
                BigDecimal a = Values.number(l);
                BigDecimal c = Values.number(r);
                if (a != null && c != null) return a.add(c);
                return Values.text(l) + Values.text(r);
            }
            case "-": {
                BigDecimal a = Values.number(l);
                BigDecimal c = Values.number(r);
                return a == null || c == null ? null : a.subtract(c);
            }
            case "*": {
                BigDecimal a = Values.number(l);
                BigDecimal c = Values.number(r);
                return a == null || c == null ? null : a.multiply(c);
            }
            case "/": {
                BigDecimal a = Values.number(l);
                BigDecimal c = Values.number(r);
                // Division by zero has no value, like any other missing evidence.
                return a == null || c == null || c.signum() == 0 ? null : a.divide(c, java.math.MathContext.DECIMAL64);
            }
            default:
                return compare(op, l, r);
        }
    }

    /** Ordering: numerically when both sides are numbers, else as text; null is never ordered. */
    private static Object compare(String op, Object l, Object r) {
        if (l == null || r == null) return false;
        BigDecimal a = Values.number(l);
        BigDecimal c = Values.number(r);
        int cmp = a != null && c != null ? a.compareTo(c) : Values.text(l).compareTo(Values.text(r));
        return switch (op) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> throw new IllegalStateException(op);
        };
    }

    private static Object index(Object target, Object index) {
        if (target instanceof Map<?, ?> m) return Values.normalize(m.get(Values.text(index)));
        List<Object> items = Functions.items(target);
        BigDecimal n = Values.number(index);
        if (n == null) return null;
        int i = n.intValue();
        if (i < 0) i += items.size();
        return i >= 0 && i < items.size() ? Values.normalize(items.get(i)) : null;
    }
}
