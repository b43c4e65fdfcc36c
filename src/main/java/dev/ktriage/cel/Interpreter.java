package dev.ktriage.cel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates checked CEL expressions ({@link CExpr}) over plain Java values: null, Boolean, Long
 * (CEL int), Double, String, List and Map. Errors are values ({@link Err}) so that the logical
 * operators are commutative as the CEL specification requires; everything else is strict. The
 * semantics follow the specification for the subset ktriage's environment declares; the catalog
 * test evaluates every playbook expression with CEL's own runtime too and compares.
 */
public final class Interpreter {

    /** Iterations across all comprehensions of one evaluation: bounds a careless nested loop. */
    private static final int MAX_ITERATIONS = 1_000_000;

    private final Functions functions;

    public Interpreter(Functions functions) {
        this.functions = functions;
    }

    /** The value, or an {@link Err}. */
    public Object eval(CExpr e, Bindings b) {
        return new Run(b).eval(e);
    }

    private final class Run {
        private final Bindings root;
        private int iterations;

        Run(Bindings root) {
            this.root = root;
        }

        Object eval(CExpr e) {
            return eval(e, root);
        }

        Object eval(CExpr e, Bindings b) {
            if (e instanceof CExpr.Const c) return c.value();
            if (e instanceof CExpr.Ident i) return ident(i, b);
            if (e instanceof CExpr.Select s) return select(s, b);
            if (e instanceof CExpr.Call c) return call(c, b);
            if (e instanceof CExpr.ListOf l) return list(l, b);
            if (e instanceof CExpr.MapOf m) return map(m, b);
            return loop((CExpr.Loop) e, b);
        }

        private Object ident(CExpr.Ident i, Bindings b) {
            Object v = b.get(i.name());
            if (v != Bindings.ABSENT) return v;
            String why = b.whyAbsent(i.name());
            return new Err("'" + i.name() + "' has no value" + (why == null ? "" : ": " + why), i.offset());
        }

        private Object select(CExpr.Select s, Bindings b) {
            Object operand = eval(s.operand(), b);
            if (operand instanceof Err err) return err;
            if (!(operand instanceof Map<?, ?> m)) {
                return new Err("cannot select '" + s.field() + "' from " + Values.typeName(operand), s.offset());
            }
            if (s.testOnly()) return m.containsKey(s.field());
            if (!m.containsKey(s.field())) return new Err("no such key: " + s.field(), s.offset());
            return m.get(s.field());
        }

        private Object call(CExpr.Call c, Bindings b) {
            switch (c.function()) {
                case "_&&_" -> {
                    return and(eval(c.args().get(0), b), c.args().get(1), b, c.offset());
                }
                case "_||_" -> {
                    return or(eval(c.args().get(0), b), c.args().get(1), b, c.offset());
                }
                case "_?_:_" -> {
                    Object cond = eval(c.args().get(0), b);
                    if (cond instanceof Err err) return err;
                    if (!(cond instanceof Boolean t)) return new Err("condition is " + Values.typeName(cond) + ", not bool", c.offset());
                    return eval(c.args().get(t ? 1 : 2), b);
                }
                case "@not_strictly_false" -> {
                    Object v = eval(c.args().get(0), b);
                    return !(v instanceof Boolean t) || t;
                }
                default -> {
                    Object target = null;
                    if (c.target() != null) {
                        target = eval(c.target(), b);
                        if (target instanceof Err err) return err;
                    }
                    List<Object> args = new ArrayList<>(c.args().size());
                    for (CExpr a : c.args()) {
                        Object v = eval(a, b);
                        if (v instanceof Err err) return err;
                        args.add(v);
                    }
                    Object out = functions.call(c.function(), target, args);
                    return out instanceof Err err ? err.at(c.offset()) : out;
                }
            }
        }

        private Object and(Object left, CExpr rightExpr, Bindings b, int offset) {
            if (Boolean.FALSE.equals(left)) return false;
            Object right = eval(rightExpr, b);
            if (Boolean.FALSE.equals(right)) return false;
            if (left instanceof Err err) return err;
            if (right instanceof Err err) return err;
            if (left instanceof Boolean && right instanceof Boolean) return true;
            return new Err("&& needs bool operands", offset);
        }

        private Object or(Object left, CExpr rightExpr, Bindings b, int offset) {
            if (Boolean.TRUE.equals(left)) return true;
            Object right = eval(rightExpr, b);
            if (Boolean.TRUE.equals(right)) return true;
            if (left instanceof Err err) return err;
            if (right instanceof Err err) return err;
            if (left instanceof Boolean && right instanceof Boolean) return false;
            return new Err("|| needs bool operands", offset);
        }

        private Object list(CExpr.ListOf l, Bindings b) {
            List<Object> out = new ArrayList<>(l.elements().size());
            for (CExpr e : l.elements()) {
                Object v = eval(e, b);
                if (v instanceof Err err) return err;
                out.add(v);
            }
            return out;
        }

        private Object map(CExpr.MapOf m, Bindings b) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < m.keys().size(); i++) {
                Object k = eval(m.keys().get(i), b);
                if (k instanceof Err err) return err;
                Object v = eval(m.values().get(i), b);
                if (v instanceof Err err) return err;
                if (out.put(k, v) != null) return new Err("duplicate map key " + k, m.offset());
            }
            return out;
        }

        private Object loop(CExpr.Loop l, Bindings b) {
            Object range = eval(l.range(), b);
            if (range instanceof Err err) return err;
            Iterable<?> items;
            if (range instanceof List<?> list) items = list;
            else if (range instanceof Map<?, ?> m) items = m.keySet();
            else return new Err("cannot iterate over " + Values.typeName(range), l.offset());
            Object accu = eval(l.accuInit(), b);
            for (Object item : items) {
                if (++iterations > MAX_ITERATIONS) return new Err("more than " + MAX_ITERATIONS + " iterations", l.offset());
                Bindings inner = Bindings.with(Bindings.with(b, l.accuVar(), accu), l.iterVar(), item);
                Object cond = eval(l.condition(), inner);
                if (Boolean.FALSE.equals(cond)) break;
                accu = eval(l.step(), inner);
            }
            return eval(l.result(), Bindings.with(b, l.accuVar(), accu));
        }
    }
}
