package dev.ktriage.playbook.expr;

import dev.ktriage.playbook.lang.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Text with {@code ${expression}} parts, parsed once at load time. Used for explanations, remedies,
 * query fields and node command arguments.
 */
public final class Template implements Text {

    private final String source;
    private final List<Object> parts; // String literal or Expr

    private Template(String source, List<Object> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    public static Template parse(String text) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            if (open < 0) {
                parts.add(text.substring(i));
                break;
            }
            if (open > i) parts.add(text.substring(i, open));
            int close = text.indexOf('}', open);
            if (close < 0) throw new ExprException("'${' without a closing '}'", open);
            try {
                parts.add(ExprParser.parse(text.substring(open + 2, close)));
            } catch (ExprException e) {
                throw new ExprException(e.getMessage(), open + 2 + e.offset());
            }
            i = close + 1;
        }
        return new Template(text, parts);
    }

    @Override
    public boolean isSingleExpression() {
        return singleExpression().isPresent();
    }

    /** Version 1 expressions have no absent values: an unknown variable is null. */
    @Override
    public Object value(Map<String, Object> vars) {
        return Evaluator.of(vars).eval(singleExpression().orElseThrow());
    }

    @Override
    public String source() {
        return source;
    }

    /** The expression when the whole template is one {@code ${...}}: its value may be a list, not only text. */
    public java.util.Optional<Expr> singleExpression() {
        return parts.size() == 1 && parts.get(0) instanceof Expr e ? java.util.Optional.of(e) : java.util.Optional.empty();
    }

    @Override
    public boolean isConstant() {
        return parts.stream().allMatch(p -> p instanceof String);
    }

    public String render(Evaluator evaluator) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) b.append(p instanceof Expr e ? Values.text(evaluator.eval(e)) : (String) p);
        return b.toString();
    }

    @Override
    public String render(Map<String, Object> variables) {
        return render(Evaluator.of(variables));
    }

    /** The variables this template reads, for load-time checks. */
    @Override
    public Set<String> variables() {
        Set<String> out = new TreeSet<>();
        for (Object p : parts) if (p instanceof Expr e) Variables.collect(e, out);
        return out;
    }

    @Override
    public String toString() {
        return source;
    }
}
