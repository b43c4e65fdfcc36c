package dev.ktriage.cel;

import java.util.List;

/**
 * A CEL expression after parsing, macro expansion and type-checking, as the {@link Interpreter}
 * runs it: the same node kinds as CEL's checked AST (constants, identifiers, field selection,
 * calls, list and map literals, comprehensions). Built by the compiler at catalog time and kept in
 * the catalog cache, so evaluating never needs CEL's own runtime.
 *
 * <p>{@code offset} is where the node starts in the expression's text, for error messages.
 */
public sealed interface CExpr {

    int offset();

    /** null, Boolean, Long, Double or String. */
    record Const(Object value, int offset) implements CExpr {
    }

    record Ident(String name, int offset) implements CExpr {
    }

    /** {@code operand.field}; with {@code testOnly}, the {@code has(operand.field)} macro. */
    record Select(CExpr operand, String field, boolean testOnly, int offset) implements CExpr {
    }

    /** A function or operator ({@code _+_}, {@code size}); {@code target} is the receiver of a member call, or null. */
    record Call(String function, CExpr target, List<CExpr> args, int offset) implements CExpr {
    }

    record ListOf(List<CExpr> elements, int offset) implements CExpr {
    }

    record MapOf(List<CExpr> keys, List<CExpr> values, int offset) implements CExpr {
    }

    /** CEL's fold: the expansion of all, exists, exists_one, map and filter. */
    record Loop(String iterVar, CExpr range, String accuVar, CExpr accuInit, CExpr condition, CExpr step,
                CExpr result, int offset) implements CExpr {
    }
}
