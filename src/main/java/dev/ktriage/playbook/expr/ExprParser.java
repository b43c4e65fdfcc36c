package dev.ktriage.playbook.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the playbook expression language.
 *
 * <pre>
 * or      := and ('||' and)*
 * and     := not ('&&' not)*
 * not     := '!' not | compare
 * compare := sum (('=='|'!='|'<'|'<='|'>'|'>='|'=~'|'in') sum)?
 * sum     := product (('+'|'-') product)*
 * product := postfix (('*'|'/') postfix)*
 * postfix := primary ('[' or ']')*
 * primary := NUMBER | STRING | true | false | null | IDENT | IDENT '(' args ')' | '(' or ')' | '[' args ']'
 * </pre>
 * Identifiers may contain dots ({@code pod.namespace}); strings use single or double quotes.
 */
public final class ExprParser {

    private static final Set<String> COMPARE = Set.of("==", "!=", "<", "<=", ">", ">=", "=~", "in");

    private final String text;
    private final List<Token> tokens;
    private int pos;

    private ExprParser(String text) {
        this.text = text;
        this.tokens = new Lexer(text).tokens();
    }

    public static Expr parse(String text) {
        ExprParser p = new ExprParser(text);
        Expr e = p.or();
        if (p.peek().kind != Kind.END) throw new ExprException("unexpected '" + p.peek().text + "'", p.peek().offset);
        return e;
    }

    private Expr or() {
        int start = peek().offset;
        Expr left = and();
        while (accept("||")) left = new Expr.Binary(slice(start), "||", left, and());
        return left;
    }

    private Expr and() {
        int start = peek().offset;
        Expr left = not();
        while (accept("&&")) left = new Expr.Binary(slice(start), "&&", left, not());
        return left;
    }

    private Expr not() {
        int start = peek().offset;
        if (accept("!")) {
            Expr operand = not();
            return new Expr.Unary(slice(start), "!", operand);
        }
        return compare();
    }

    private Expr compare() {
        int start = peek().offset;
        Expr left = sum();
        Token t = peek();
        if ((t.kind == Kind.OP || t.kind == Kind.IDENT) && COMPARE.contains(t.text)) {
            pos++;
            Expr right = sum();
            return new Expr.Binary(slice(start), t.text, left, right);
        }
        return left;
    }

    private Expr sum() {
        int start = peek().offset;
        Expr left = product();
        while (peek().kind == Kind.OP && (peek().text.equals("+") || peek().text.equals("-"))) {
            String op = tokens.get(pos++).text;
            left = new Expr.Binary(slice(start), op, left, product());
        }
        return left;
    }

    private Expr product() {
        int start = peek().offset;
        Expr left = postfix();
        while (peek().kind == Kind.OP && (peek().text.equals("*") || peek().text.equals("/"))) {
            String op = tokens.get(pos++).text;
            left = new Expr.Binary(slice(start), op, left, postfix());
        }
        return left;
    }

    private Expr postfix() {
        int start = peek().offset;
        Expr e = primary();
        while (accept("[")) {
            Expr index = or();
            expect("]");
            e = new Expr.Index(slice(start), e, index);
        }
        return e;
    }

    private Expr primary() {
        Token t = tokens.get(pos++);
        switch (t.kind) {
            case NUMBER:
                return new Expr.Literal(t.text, new BigDecimal(t.text));
            case STRING:
                return new Expr.Literal(t.text, t.value);
            case IDENT:
                switch (t.text) {
                    case "true": return new Expr.Literal(t.text, Boolean.TRUE);
                    case "false": return new Expr.Literal(t.text, Boolean.FALSE);
                    case "null": return new Expr.Literal(t.text, null);
                    default:
                        if (accept("(")) {
                            if (!Functions.exists(t.text)) throw new ExprException("unknown function '" + t.text + "'", t.offset);
                            List<Expr> args = args(")");
                            return new Expr.Call(slice(t.offset), t.text, args);
                        }
                        return new Expr.Var(t.text, t.text);
                }
            case OP:
                if (t.text.equals("(")) {
                    Expr e = or();
                    expect(")");
                    return e;
                }
                if (t.text.equals("[")) return new Expr.ListOf(slice(t.offset), args("]"));
                throw new ExprException("unexpected '" + t.text + "'", t.offset);
            default:
                throw new ExprException("expression ends too early", t.offset);
        }
    }

    private List<Expr> args(String close) {
        List<Expr> args = new ArrayList<>();
        if (accept(close)) return args;
        do {
            args.add(or());
        } while (accept(","));
        expect(close);
        return args;
    }

    private boolean accept(String op) {
        Token t = peek();
        if (t.kind == Kind.OP && t.text.equals(op)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String op) {
        if (!accept(op)) throw new ExprException("expected '" + op + "' but found '" + peek().text + "'", peek().offset);
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private String slice(int start) {
        int end = pos < tokens.size() ? tokens.get(pos - 1).end : text.length();
        return text.substring(start, Math.max(start, end)).trim();
    }

    enum Kind { NUMBER, STRING, IDENT, OP, END }

    record Token(Kind kind, String text, Object value, int offset, int end) {}

    private static final class Lexer {
        private static final String[] OPS = {"&&", "||", "==", "!=", "<=", ">=", "=~", "<", ">", "!", "+", "-", "*", "/", "(", ")", "[", "]", ","};
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (true) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
                if (i >= s.length()) {
                    out.add(new Token(Kind.END, "end of expression", null, i, i));
                    return out;
                }
                out.add(next());
            }
        }

        private Token next() {
            int start = i;
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
                return new Token(Kind.NUMBER, s.substring(start, i), null, start, i);
            }
            if (c == '\'' || c == '"') return string(c);
            if (Character.isLetter(c) || c == '_') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) i++;
                return new Token(Kind.IDENT, s.substring(start, i), null, start, i);
            }
            for (String op : OPS) {
                if (s.startsWith(op, i)) {
                    i += op.length();
                    return new Token(Kind.OP, op, null, start, i);
                }
            }
            throw new ExprException("unexpected character '" + c + "'", start);
        }

        private Token string(char quote) {
            int start = i++;
            StringBuilder b = new StringBuilder();
            while (i < s.length() && s.charAt(i) != quote) {
                char c = s.charAt(i++);
                if (c == '\\' && i < s.length()) {
                    char n = s.charAt(i++);
                    // Keep regex escapes intact: only the quote and the backslash itself are unescaped.
                    if (n == quote || n == '\\') b.append(n);
                    else b.append('\\').append(n);
                } else {
                    b.append(c);
                }
            }
            if (i >= s.length()) throw new ExprException("unterminated string", start);
            i++;
            return new Token(Kind.STRING, s.substring(start, i), b.toString(), start, i);
        }
    }
}
