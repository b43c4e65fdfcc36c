package dev.ktriage.cel.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.ktriage.cel.Bindings;
import dev.ktriage.cel.Compiled;
import dev.ktriage.cel.Err;
import dev.ktriage.cel.Functions;
import dev.ktriage.cel.Interpreter;
import dev.ktriage.cel.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interpreter against CEL's own runtime (cel-java), expression by expression over the same
 * values: the same result, or an error from both. This is what lets ktriage run checked CEL without
 * loading cel-java's runtime on every start.
 */
class InterpreterAgainstCelTest {

    static final Functions FUNCTIONS = Functions.standard();
    static final ExpressionCompiler COMPILER = new ExpressionCompiler(FUNCTIONS);
    static final Interpreter INTERPRETER = new Interpreter(FUNCTIONS);
    static final CelRuntime CEL = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
            .addFunctionBindings(bindings())
            .build();

    /** Our helpers, bound into cel-java's runtime: the same Java code serves both evaluators. */
    static List<CelFunctionBinding> bindings() {
        List<CelFunctionBinding> out = new ArrayList<>();
        for (Functions.Signature s : FUNCTIONS.helperSignatures()) {
            List<Class<?>> types = new ArrayList<>();
            for (String p : s.params()) types.add(javaClass(p));
            Functions.Fn fn = FUNCTIONS.implementation(s.function());
            out.add(CelFunctionBinding.from(s.overloadId(), types, args -> {
                List<Object> rest = new ArrayList<>();
                for (int i = s.member() ? 1 : 0; i < args.length; i++) rest.add(fromCel(args[i]));
                Object r = fn.apply(s.member() ? fromCel(args[0]) : null, rest);
                if (r instanceof Err e) throw new CelEvaluationException(e.message());
                return r;
            }));
        }
        return out;
    }

    private static Class<?> javaClass(String type) {
        if (type.startsWith("list(")) return List.class;
        if (type.startsWith("map(")) return Map.class;
        return switch (type) {
            case "string" -> String.class;
            case "int" -> Long.class;
            case "double" -> Double.class;
            case "bool" -> Boolean.class;
            default -> Object.class;
        };
    }

    static Object fromCel(Object v) {
        if (v instanceof NullValue) return null;
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(fromCel(o));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(fromCel(k), fromCel(x)));
            return out;
        }
        return v;
    }

    static final Map<String, Object> VALUES = new LinkedHashMap<>();
    static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        put("n", "int", 7L);
        put("d", "double", 2.5);
        put("s", "string", "kube-system/coredns-749558f7dd-w6jdj");
        put("log", "string", "a\nIPv4: martian source 10.0.0.253 from 10.0.0.113, on dev lxc3c160d6c7aa0\nb");
        put("names", "list(string)", List.of("node0", "node1", "node0"));
        put("nums", "list(int)", List.of(3L, 1L, 2L));
        put("pod", "dyn", Map.of("metadata", Map.of("name", "web-1", "labels", Map.of("app", "web")),
                "status", Map.of("podIP", "10.0.0.7", "containerStatuses",
                        List.of(Map.of("name", "web", "restartCount", 4L, "ready", false)))));
        put("cfg", "map(string,dyn)", Map.of("authentication", Map.of("anonymous", Map.of("enabled", true)), "port", 10250L));
        put("empty", "list(string)", List.of());
    }

    private static void put(String name, String type, Object value) {
        TYPES.put(name, type);
        VALUES.put(name, value);
    }

    static final List<String> CORPUS = List.of(
            "n + 1", "n * 3 - 2", "n / 2", "n % 4", "-n", "d * 2.0", "n > d", "dyn(n) == 7.0", "d < 3", "1 / 0", "9223372036854775807 + 1",
            "s + '!'", "s.size()", "size(names)", "s.startsWith('kube')", "s.endsWith('w6jdj')", "s.contains('/')",
            "s.matches('^[a-z-]+/')", "matches(s, 'core')", "int('42')", "int('x')", "int(2.9)", "double(n)", "string(n)", "bool('true')",
            "names[0]", "names[5]", "'node1' in names", "names.exists(x, x == 'node1')", "names.all(x, x.startsWith('node'))",
            "names.exists_one(x, x == 'node0')", "names.map(x, x + '.local')", "names.filter(x, x != 'node0')", "nums.map(x, x * 2)",
            "has(pod.status.podIP)", "has(pod.status.hostIP)", "pod.status.hostIP", "pod.status.podIP",
            "pod.status.containerStatuses.exists(c, c.restartCount > 3 && !c.ready)",
            "pod.status.containerStatuses.filter(c, c.name == 'web')[0].restartCount",
            "pod.metadata.labels['app'] == 'web'", "'app' in pod.metadata.labels", "pod.metadata.labels.missing",
            "cfg.authentication.anonymous.enabled", "cfg.port == 10250", "cfg.port > 1024 && cfg.nope == 1",
            "cfg.nope == 1 || cfg.port > 1024", "false && cfg.nope", "true || cfg.nope", "cfg.nope || false", "n > 3 ? 'big' : 'small'",
            "[1, 2] + [3]", "{'a': 1}.a", "names == ['node0', 'node1', 'node0']", "empty.size() == 0", "empty.exists(x, true)",
            "empty.all(x, false)", "null == null", "pod.status == null",
            "log.lines().size()", "log.grep('martian').size()", "log.capture('martian source ([0-9.]+)')",
            "log.capture('from ([0-9.]+)')", "log.capture('nothing (here)')", "log.capture('nothing (here)', 'none')",
            "log.lines().capture('on dev (\\\\S+)')", "log.captureAll('([0-9]+[.][0-9]+[.][0-9]+[.][0-9]+)')", "names.unique()",
            "names.mostCommon()", "empty.mostCommon()", "names.join()", "names.join('|')", "s.split('/')[1]", "' x '.trim()",
            "'ABC'.lowerAscii()", "nums.max()", "nums.min()", "nums.sum()", "'ff'.hexInt()", "'0x10'.hexInt()",
            "compareVersions('v1.29.3', '1.29') > 0", "compareVersions('v1.28.15-eks-abc', 'v1.29.0') < 0",
            "ipFamily('10.0.0.7')", "ipFamily('fd00::7')", "ipFamily('node0')", "inCidr('10.0.0.7', '10.0.0.0/24')",
            "inCidr('10.0.1.7', '10.0.0.0/24')", "inCidr('fd00::7', 'fd00::/64')", "inCidr('x', '10.0.0.0/8')",
            "seconds('1.62s')", "seconds('1620ms') > 1.5", "seconds('1m30s')", "seconds('soon')",
            "names.map(x, x.size()).sum()", "names.filter(x, x.matches('1$')).size() == 1",
            "[[1, 2], [3]].flatten()", "names.map(x, [x, x]).flatten().size()", "s.replace('-', '_')", "s.substring(0, 11)",
            "s.substring(12)", "s.substring(5, 2)", "s.substring(0, 999)", "pod.status.containerStatuses[0].restartCount + 1",
            "string(pod.status.containerStatuses[0].restartCount)");

    private static Object ours(Compiled c) {
        return INTERPRETER.eval(c.expr(), Bindings.of(VALUES));
    }

    private static Object theirs(String source) {
        try {
            CelAbstractSyntaxTree ast = COMPILER.checked(source, TYPES);
            return fromCel(CEL.createProgram(ast).eval(VALUES));
        } catch (Exception e) {
            return new Err(e.getMessage(), -1);
        }
    }

    @Test
    void theInterpreterAgreesWithCelsRuntimeOnEveryExpression() {
        List<String> differ = new ArrayList<>();
        int errors = 0;
        for (String source : CORPUS) {
            Compiled c = COMPILER.compile(source, TYPES);
            Object a = ours(c);
            Object b = theirs(source);
            boolean same = a instanceof Err ? b instanceof Err : !(b instanceof Err) && Values.equal(a, b)
                    && Values.typeName(a).equals(Values.typeName(b));
            if (a instanceof Err) errors++;
            if (!same) differ.add(source + ": ours " + a + ", cel-java " + b);
        }
        assertEquals(List.of(), differ);
        assertTrue(errors >= 10, "the corpus covers errors too: " + errors);
    }

    @Test
    void anAbsentVariableIsAnErrorWithItsReasonUnlessTheOtherSideDecides() {
        Compiled c = COMPILER.compile("rp >= 1", Map.of("rp", "int"));
        Bindings none = new Bindings() {
            public Object get(String name) {
                return ABSENT;
            }

            public String whyAbsent(String name) {
                return "step 'rp' failed: node0 unreachable";
            }
        };
        Object r = INTERPRETER.eval(c.expr(), none);
        assertTrue(r instanceof Err e && e.message().equals("'rp' has no value: step 'rp' failed: node0 unreachable"), String.valueOf(r));
        assertEquals(true, INTERPRETER.eval(COMPILER.compile("rp >= 1 || true", Map.of("rp", "int")).expr(), none));
    }
}
