package dev.ktriage.cel;

import java.util.Map;

/** Where checked expressions come from: the compiler, or what an earlier compile left in the catalog cache. */
public interface ExpressionSource {

    /**
     * @param variables the names in scope and their type names
     * @throws CompileException when the expression does not parse or type-check
     */
    Compiled compile(String source, Map<String, String> variables);
}
