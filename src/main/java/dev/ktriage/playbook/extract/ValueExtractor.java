package dev.ktriage.playbook.extract;

import dev.ktriage.playbook.expr.Evaluator;
import dev.ktriage.playbook.expr.Expr;
import dev.ktriage.playbook.expr.ExprException;
import dev.ktriage.playbook.expr.ExprParser;
import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.Extractor;
import java.util.Map;

/** {@code {value: EXPRESSION}}: a value computed from earlier ones, e.g. {@code max(allRp, deviceRp)}. */
public final class ValueExtractor implements Extractor {

    @Override
    public String type() {
        return "value";
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        Expr e;
        try {
            e = ExprParser.parse(argument);
        } catch (ExprException ex) {
            throw new IllegalArgumentException("in expression '" + argument + "': " + ex.getMessage());
        }
        return evidence -> Extracted.of(new Evaluator(evidence::variable).eval(e));
    }
}
