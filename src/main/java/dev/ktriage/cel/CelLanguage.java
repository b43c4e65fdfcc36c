package dev.ktriage.cel;

import dev.ktriage.playbook.lang.Condition;
import dev.ktriage.playbook.lang.Text;
import dev.ktriage.playbook.lang.Unavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Playbook language version 2 as the loader and the engine use it: templates with {@code ${CEL}}
 * parts, conditions, and expressions, compiled against the playbook's variables and their types,
 * with regular-expression literals checked at load.
 */
public final class CelLanguage {

    private static final Functions FUNCTIONS = Functions.standard();
    private static final Set<String> REGEX_FUNCTIONS = Set.of("matches", "capture", "captureAll", "grep");

    private final ExpressionSource source;
    private final Interpreter interpreter = new Interpreter(FUNCTIONS);

    public CelLanguage(ExpressionSource source) {
        this.source = source;
    }

    public static Functions functions() {
        return FUNCTIONS;
    }

    /** @throws CompileException with the offset in {@code src} */
    public Compiled expression(String src, Map<String, String> variables) {
        Compiled c = source.compile(src, variables);
        checkRegexes(c.expr());
        return c;
    }

    /** @throws CompileException with the offset in {@code src} */
    public CelExpression value(String src, Map<String, String> variables) {
        return new CelExpression(expression(src, variables), interpreter);
    }

    /** @throws CompileException when it does not compile or is not a bool */
    public Condition condition(String src, Map<String, String> variables) {
        Compiled c = expression(src, variables);
        if (!c.type().equals("bool") && !c.type().equals("dyn")) {
            throw new CompileException("a condition must be a bool, this is " + c.type(), 0);
        }
        return new CelCondition(c, interpreter);
    }

    /** @throws CompileException with the offset in {@code template} */
    public Text text(String template, Map<String, String> variables) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("${", i);
            if (open < 0) {
                parts.add(template.substring(i));
                break;
            }
            if (open > i) parts.add(template.substring(i, open));
            int close = closing(template, open + 2);
            if (close < 0) throw new CompileException("'${' without its closing '}'", open);
            String src = template.substring(open + 2, close);
            if (src.isBlank()) throw new CompileException("empty ${}", open);
            try {
                parts.add(expression(src, variables));
            } catch (CompileException e) {
                throw new CompileException(e.getMessage(), open + 2 + e.offset());
            }
            i = close + 1;
        }
        return new CelText(template, parts, interpreter);
    }

    /** The value, or {@link Unavailable} with the reason. */
    public Object evaluate(Compiled c, Map<String, Object> vars) {
        Object v = interpreter.eval(c.expr(), new VariableBindings(vars));
        if (v instanceof Err e) throw new Unavailable("`" + c.source() + "`: " + e.message());
        return v;
    }

    /** The index of the '}' that closes a ${...} whose expression starts at {@code from}, or -1. */
    private static int closing(String s, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) return i;
                depth--;
            }
        }
        return -1;
    }

    /** A regular expression written as a literal is compiled now, so a typo fails the load, not a session. */
    private static void checkRegexes(CExpr e) {
        if (e instanceof CExpr.Call c) {
            if (REGEX_FUNCTIONS.contains(c.function())) {
                int at = c.function().equals("matches") && c.target() == null ? 1 : 0;
                if (c.args().size() > at && c.args().get(at) instanceof CExpr.Const k && k.value() instanceof String re) {
                    try {
                        Functions.regex(re);
                    } catch (IllegalArgumentException ex) {
                        throw new CompileException(ex.getMessage(), k.offset());
                    }
                }
            }
            if (c.target() != null) checkRegexes(c.target());
            c.args().forEach(CelLanguage::checkRegexes);
        } else if (e instanceof CExpr.Select s) {
            checkRegexes(s.operand());
        } else if (e instanceof CExpr.ListOf l) {
            l.elements().forEach(CelLanguage::checkRegexes);
        } else if (e instanceof CExpr.MapOf m) {
            m.keys().forEach(CelLanguage::checkRegexes);
            m.values().forEach(CelLanguage::checkRegexes);
        } else if (e instanceof CExpr.Loop l) {
            for (CExpr x : List.of(l.range(), l.accuInit(), l.condition(), l.step(), l.result())) checkRegexes(x);
        }
    }
}
