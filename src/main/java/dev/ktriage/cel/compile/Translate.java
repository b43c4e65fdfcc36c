package dev.ktriage.cel.compile;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.ktriage.cel.CExpr;
import dev.ktriage.cel.CompileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** cel-java's checked AST to ktriage's {@link CExpr}, node for node, with each node's source offset. */
final class Translate {

    private final Map<Long, Integer> positions;

    private Translate(Map<Long, Integer> positions) {
        this.positions = positions;
    }

    static CExpr tree(CelAbstractSyntaxTree ast) {
        return new Translate(ast.getSource().getPositionsMap()).expr(ast.getExpr());
    }

    private int at(CelExpr e) {
        Integer p = positions.get(e.id());
        return p == null ? 0 : p;
    }

    private CExpr expr(CelExpr e) {
        int at = at(e);
        switch (e.getKind()) {
            case CONSTANT -> {
                return new CExpr.Const(constant(e.constant(), at), at);
            }
            case IDENT -> {
                return new CExpr.Ident(e.ident().name(), at);
            }
            case SELECT -> {
                return new CExpr.Select(expr(e.select().operand()), e.select().field(), e.select().testOnly(), at);
            }
            case CALL -> {
                CelExpr.CelCall c = e.call();
                CExpr target = c.target().isPresent() ? expr(c.target().get()) : null;
                return new CExpr.Call(c.function(), target, all(c.args()), at);
            }
            case LIST -> {
                if (!e.list().optionalIndices().isEmpty()) throw new CompileException("optional list elements are not supported", at);
                return new CExpr.ListOf(all(e.list().elements()), at);
            }
            case MAP -> {
                List<CExpr> keys = new ArrayList<>();
                List<CExpr> values = new ArrayList<>();
                for (CelExpr.CelMap.Entry entry : e.map().entries()) {
                    if (entry.optionalEntry()) throw new CompileException("optional map entries are not supported", at);
                    keys.add(expr(entry.key()));
                    values.add(expr(entry.value()));
                }
                return new CExpr.MapOf(keys, values, at);
            }
            case COMPREHENSION -> {
                CelExpr.CelComprehension c = e.comprehension();
                if (!c.iterVar2().isEmpty()) throw new CompileException("two-variable comprehensions are not supported", at);
                return new CExpr.Loop(c.iterVar(), expr(c.iterRange()), c.accuVar(), expr(c.accuInit()), expr(c.loopCondition()),
                        expr(c.loopStep()), expr(c.result()), at);
            }
            default -> throw new CompileException("message literals are not supported", at);
        }
    }

    private List<CExpr> all(List<CelExpr> exprs) {
        List<CExpr> out = new ArrayList<>(exprs.size());
        for (CelExpr x : exprs) out.add(expr(x));
        return out;
    }

    private static Object constant(CelConstant c, int at) {
        return switch (c.getKind()) {
            case NULL_VALUE -> null;
            case BOOLEAN_VALUE -> c.booleanValue();
            case INT64_VALUE -> c.int64Value();
            case DOUBLE_VALUE -> c.doubleValue();
            case STRING_VALUE -> c.stringValue();
            default -> throw new CompileException("unsigned, bytes, timestamp and duration literals are not supported", at);
        };
    }
}
