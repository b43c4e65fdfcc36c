package dev.ktriage.cel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The functions an expression may call: CEL's standard operators and functions (the subset the
 * environment declares) and ktriage's helpers ({@link Helpers}). Each has its signatures, which the
 * compiler declares to CEL's type checker, and one implementation, which the {@link Interpreter}
 * calls (and CEL's runtime too, in the test that compares the two).
 */
public final class Functions {

    /** An implementation: the receiver of a member call (or null) and the evaluated arguments. */
    @FunctionalInterface
    public interface Fn {
        Object apply(Object target, List<Object> args);
    }

    /**
     * One overload as the type checker sees it; a member overload's first parameter is its
     * receiver. Types are written {@code string}, {@code int}, {@code double}, {@code bool},
     * {@code dyn}, {@code list(X)}, {@code map(K,V)}, or a type parameter such as {@code T}.
     */
    public record Signature(String function, String overloadId, boolean member, String result, List<String> params) {
    }

    private final Map<String, Fn> impls = new LinkedHashMap<>();
    private final List<Signature> helperSignatures = new ArrayList<>();
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    public static Functions standard() {
        // one per caller: cheap, and immutable once built
        Functions f = new Functions();
        Standard.register(f);
        Helpers.register(f);
        return f;
    }

    void define(String name, Fn fn) {
        impls.put(name, fn);
    }

    /** A ktriage helper: declared to the checker with these signatures, run with {@code fn}. */
    void helper(String name, Fn fn, Signature... signatures) {
        impls.put(name, fn);
        helperSignatures.addAll(List.of(signatures));
    }

    public List<Signature> helperSignatures() {
        return List.copyOf(helperSignatures);
    }

    public Fn implementation(String name) {
        return impls.get(name);
    }

    Object call(String name, Object target, List<Object> args) {
        Fn fn = impls.get(name);
        if (fn == null) return Err.of("no function '" + name + "'");
        try {
            return fn.apply(target, args);
        } catch (ArithmeticException | IllegalArgumentException | IndexOutOfBoundsException | ClassCastException e) {
            return Err.of(name + ": " + e.getMessage());
        }
    }

    static Signature member(String name, String id, String receiver, String result, String... params) {
        List<String> all = new ArrayList<>();
        all.add(receiver);
        all.addAll(List.of(params));
        return new Signature(name, id, true, result, all);
    }

    static Signature global(String name, String id, String result, String... params) {
        return new Signature(name, id, false, result, List.of(params));
    }

    /** A regular expression (Java's java.util.regex), compiled once. */
    public static Pattern regex(String source) {
        try {
            return PATTERNS.computeIfAbsent(source, Pattern::compile);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regular expression '" + source + "': " + e.getDescription());
        }
    }
}
