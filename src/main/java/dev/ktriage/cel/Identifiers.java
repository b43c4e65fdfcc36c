package dev.ktriage.cel;

import java.util.HashSet;
import java.util.Set;

/** The free identifiers of an expression: the variables it reads (comprehension variables excluded). */
final class Identifiers {

    private Identifiers() {
    }

    static void collect(CExpr e, Set<String> out) {
        collect(e, new HashSet<>(), out);
    }

    private static void collect(CExpr e, Set<String> bound, Set<String> out) {
        if (e instanceof CExpr.Ident i) {
            if (!bound.contains(i.name())) out.add(i.name());
        } else if (e instanceof CExpr.Select s) {
            collect(s.operand(), bound, out);
        } else if (e instanceof CExpr.Call c) {
            if (c.target() != null) collect(c.target(), bound, out);
            for (CExpr a : c.args()) collect(a, bound, out);
        } else if (e instanceof CExpr.ListOf l) {
            for (CExpr x : l.elements()) collect(x, bound, out);
        } else if (e instanceof CExpr.MapOf m) {
            for (CExpr x : m.keys()) collect(x, bound, out);
            for (CExpr x : m.values()) collect(x, bound, out);
        } else if (e instanceof CExpr.Loop l) {
            collect(l.range(), bound, out);
            collect(l.accuInit(), bound, out);
            Set<String> inner = new HashSet<>(bound);
            inner.add(l.iterVar());
            inner.add(l.accuVar());
            collect(l.condition(), inner, out);
            collect(l.step(), inner, out);
            Set<String> result = new HashSet<>(bound);
            result.add(l.accuVar());
            collect(l.result(), result, out);
        }
    }
}
