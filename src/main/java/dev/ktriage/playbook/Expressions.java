package dev.ktriage.playbook;

import dev.ktriage.cel.CelLanguage;
import dev.ktriage.cel.PrecompiledExpressions;
import dev.ktriage.cel.compile.ExpressionCompiler;

/**
 * The process's checked expressions: those the catalog cache kept, and cel-java's compiler for the
 * rest, made only when an expression is not among them.
 */
public final class Expressions {

    private static final PrecompiledExpressions SHARED =
            new PrecompiledExpressions(() -> new ExpressionCompiler(CelLanguage.functions()));

    private Expressions() {
    }

    public static PrecompiledExpressions shared() {
        return SHARED;
    }
}
