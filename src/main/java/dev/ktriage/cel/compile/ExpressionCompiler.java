package dev.ktriage.cel.compile;

import dev.cel.checker.CelStandardDeclarations;
import dev.cel.checker.CelStandardDeclarations.StandardFunction;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.ktriage.cel.CompileException;
import dev.ktriage.cel.Compiled;
import dev.ktriage.cel.ExpressionSource;
import dev.ktriage.cel.Functions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses and type-checks playbook expressions with cel-java, in ktriage's environment: CEL's
 * standard macros (has, all, exists, exists_one, map, filter), the standard operators and functions
 * the {@link dev.ktriage.cel.Interpreter} implements (no uint, bytes, timestamps or durations),
 * comparison across int and double, and ktriage's helpers. The only package that imports cel-java:
 * nothing of it loads when a session runs from the catalog cache.
 */
public final class ExpressionCompiler implements ExpressionSource {

    private static final List<StandardFunction> STANDARD = List.of(StandardFunction.IN, StandardFunction.NOT_STRICTLY_FALSE,
            StandardFunction.CONDITIONAL, StandardFunction.LOGICAL_NOT, StandardFunction.LOGICAL_OR, StandardFunction.LOGICAL_AND,
            StandardFunction.EQUALS, StandardFunction.NOT_EQUALS, StandardFunction.ADD, StandardFunction.SUBTRACT,
            StandardFunction.MULTIPLY, StandardFunction.DIVIDE, StandardFunction.MODULO, StandardFunction.NEGATE,
            StandardFunction.INDEX, StandardFunction.SIZE, StandardFunction.INT, StandardFunction.DOUBLE, StandardFunction.STRING,
            StandardFunction.BOOL, StandardFunction.DYN, StandardFunction.MATCHES, StandardFunction.CONTAINS,
            StandardFunction.ENDS_WITH, StandardFunction.STARTS_WITH, StandardFunction.LESS, StandardFunction.LESS_EQUALS,
            StandardFunction.GREATER, StandardFunction.GREATER_EQUALS);

    /** Compilations are pure: the same text in the same environment always gives the same tree. */
    private static final Map<String, Object> MEMO = new ConcurrentHashMap<>();

    private final CelCompiler base;
    private final Map<String, CelCompiler> byEnvironment = new ConcurrentHashMap<>();

    public ExpressionCompiler(Functions functions) {
        base = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setStandardEnvironmentEnabled(false)
                .setStandardDeclarations(CelStandardDeclarations.newBuilder().includeFunctions(STANDARD).build())
                .addFunctionDeclarations(declarations(functions.helperSignatures()))
                .build();
    }

    /**
     * Compiles {@code source} with {@code variables} (name to type name) in scope.
     *
     * @throws CompileException with the offset of the first problem
     */
    @Override
    public Compiled compile(String source, Map<String, String> variables) {
        Map<String, String> sorted = new TreeMap<>(variables);
        String key = sorted + "\u0000" + source;
        Object memo = MEMO.get(key);
        if (memo == null) {
            memo = compileNow(source, sorted);
            MEMO.put(key, memo);
        }
        if (memo instanceof CompileException e) throw new CompileException(e.getMessage(), e.offset());
        return (Compiled) memo;
    }

    /** cel-java's own checked tree, for the test that runs it with CEL's runtime beside the interpreter. */
    CelAbstractSyntaxTree checked(String source, Map<String, String> variables) throws CelValidationException {
        return compiler(new TreeMap<>(variables)).compile(source).getAst();
    }

    private CelCompiler compiler(Map<String, String> variables) {
        return byEnvironment.computeIfAbsent(variables.toString(), k -> {
            var b = base.toCompilerBuilder();
            variables.forEach((name, type) -> b.addVar(name, CelTypes.parse(type)));
            return b.build();
        });
    }

    private Object compileNow(String source, Map<String, String> variables) {
        CelValidationResult result = compiler(variables).compile(source);
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return new Compiled(source, Translate.tree(ast), CelTypes.name(ast.getResultType()));
        } catch (CelValidationException e) {
            CelIssue first = e.getErrors().get(0);
            int offset = e.getSource().getLocationOffset(first.getSourceLocation()).orElse(0);
            return new CompileException(first.getMessage(), offset);
        } catch (CompileException e) {
            return e;
        }
    }

    private static List<CelFunctionDecl> declarations(List<Functions.Signature> signatures) {
        Map<String, List<CelOverloadDecl>> byName = new LinkedHashMap<>();
        for (Functions.Signature s : signatures) {
            CelType result = CelTypes.parse(s.result());
            List<CelType> params = new ArrayList<>();
            for (String p : s.params()) params.add(CelTypes.parse(p));
            CelOverloadDecl o = s.member() ? CelOverloadDecl.newMemberOverload(s.overloadId(), result, params)
                    : CelOverloadDecl.newGlobalOverload(s.overloadId(), result, params);
            byName.computeIfAbsent(s.function(), n -> new ArrayList<>()).add(o);
        }
        List<CelFunctionDecl> out = new ArrayList<>();
        byName.forEach((name, overloads) -> out.add(CelFunctionDecl.newFunctionDeclaration(name, overloads)));
        return out;
    }
}
