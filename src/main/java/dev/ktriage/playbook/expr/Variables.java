package dev.ktriage.playbook.expr;

import java.util.Set;

/** Finds the variables an expression reads. */
public final class Variables {

    private Variables() {
    }

    public static void collect(Expr e, Set<String> out) {
        if (e instanceof Expr.Var v) out.add(v.name());
        else if (e instanceof Expr.Unary u) collect(u.operand(), out);
        else if (e instanceof Expr.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Expr.Call c) c.args().forEach(a -> collect(a, out));
        else if (e instanceof Expr.Index i) {
            collect(i.target(), out);
            collect(i.index(), out);
        } else if (e instanceof Expr.ListOf l) l.items().forEach(a -> collect(a, out));
    }
}
