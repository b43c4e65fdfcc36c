package dev.ktriage.playbook;

import dev.ktriage.allowlist.CommandRefused;
import dev.ktriage.cel.CelExpression;
import dev.ktriage.cel.CelLanguage;
import dev.ktriage.cel.CompileException;
import dev.ktriage.cel.ExpressionSource;
import dev.ktriage.playbook.lang.Absent;
import dev.ktriage.playbook.lang.Condition;
import dev.ktriage.playbook.lang.Expression;
import dev.ktriage.playbook.lang.Text;
import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.v2.Answer;
import dev.ktriage.yaml.Location;
import dev.ktriage.yaml.YNode;
import dev.ktriage.yaml.YNode.YMap;
import dev.ktriage.yaml.YamlException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The playbook language (version 2): expressions and {@code ${...}} parts are CEL, type-checked against
 * every variable the playbook declares (inputs, asks, extracts with their extractor's type, lets
 * with the type CEL infers, forEach items and collections, and {@code response}); structured
 * extractors; {@code let}, {@code use} of shared {@code blocks}, {@code forEach} and exit codes to
 * {@code accept}. Every error names file:line:column.
 */
final class CelDialect {

    /** CEL's reserved words cannot name a variable. */
    private static final Set<String> RESERVED = Set.of("in", "as", "break", "const", "continue", "else", "for", "function",
            "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while", "true", "false", "null");
    static final String RESPONSE = "response";
    static final String INPUTS = "inputs";

    private final CelLanguage cel;
    private final ExtractorRegistry extractors;
    private final Map<String, YMap> blocks = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Set<String> typedLets = new HashSet<>();
    private Map<String, String> snapshot;

    /** The variables and their types as they are now, one unchanging map until a type changes. */
    private Map<String, String> env() {
        if (snapshot == null || !snapshot.equals(types)) snapshot = Map.copyOf(types);
        return snapshot;
    }

    CelDialect(YMap root, List<Input> inputs, ExtractorRegistry extractors, ExpressionSource expressions) {
        this.cel = new CelLanguage(expressions);
        this.extractors = extractors;
        if (root.has("blocks")) {
            YMap all = root.get("blocks").asMap();
            for (Map.Entry<String, YNode> e : all.entries().entrySet()) {
                blocks.put(e.getKey(), e.getValue().asMap().onlyKeys(Set.of("extract", "let")));
            }
        }
        types.put(RESPONSE, "map(string,dyn)");
        types.put(INPUTS, "map(string,dyn)");
        for (Input in : inputs) {
            // an input named with a CEL reserved word is read as inputs['namespace']
            if (!RESERVED.contains(in.id())) types.put(in.id(), in.kind() == Input.Kind.POD ? "map(string,string)" : "string");
        }
        List<YNode> steps = root.require("steps").asList().items();
        declare(steps);
        infer(steps);
    }

    // ---- variables and their types, before anything is compiled ----

    private void declare(List<YNode> steps) {
        for (YNode n : steps) {
            // the structure is checked before any expression, so a misspelt key is named as such
            YMap step = n.asMap().onlyKeys(stepKeys());
            if (step.has("ask")) declare(step.get("ask").asMap().require("id"), "string");
            for (Map.Entry<String, YMap> e : extractSpecs(step).entrySet()) declare(e.getKey(), e.getValue(), valueType(e.getKey(), e.getValue()));
            for (Map.Entry<String, YNode> e : letSpecs(step).entrySet()) declareIfNew(e.getKey(), e.getValue(), "dyn");
            if (step.has("forEach")) {
                YMap f = step.get("forEach").asMap().onlyKeys(Set.of("in", "as", "collect", "steps"));
                declare(f.require("as"), "dyn");
                declare(f.require("collect"), "list(map(string,dyn))");
                declare(f.require("steps").asList().items());
            }
        }
    }

    private void declare(YNode nameNode, String type) {
        declare(nameNode.asText(), nameNode, type);
    }

    private void declare(String name, YNode at, String type) {
        checkName(name, at.at());
        String before = types.get(name);
        types.put(name, before == null || before.equals(type) ? type : "dyn");
    }

    private void declareIfNew(String name, YNode at, String type) {
        checkName(name, at.at());
        types.putIfAbsent(name, type);
    }

    private static void checkName(String name, Location at) {
        PlaybookLoader.variableName(name, at);
        if (RESERVED.contains(name)) throw new YamlException(at, "'" + name + "' is a reserved word in CEL; choose another name");
        if (name.equals(RESPONSE)) throw new YamlException(at, "'response' is the step's answer; choose another name");
        if (name.equals(INPUTS)) throw new YamlException(at, "'inputs' holds the playbook's inputs; choose another name");
    }

    /** Types the lets (in file order) and the forEach items from their lists' element type. */
    private void infer(List<YNode> steps) {
        for (YNode n : steps) {
            YMap step = n.asMap();
            if (step.has("forEach")) {
                YMap f = step.get("forEach").asMap();
                CelExpression in = (CelExpression) expression(f.require("in"));
                String type = in.type();
                String item = type.startsWith("list(") ? type.substring(5, type.length() - 1) : "dyn";
                types.put(f.require("as").asText(), item);
                infer(f.require("steps").asList().items());
            }
            for (Map.Entry<String, YNode> e : letSpecs(step).entrySet()) {
                String type = ((CelExpression) expression(e.getValue())).type();
                String name = e.getKey();
                if (typedLets.add(name)) types.put(name, type);
                else if (!types.get(name).equals(type)) types.put(name, "dyn");
            }
        }
    }

    private Map<String, YMap> extractSpecs(YMap step) {
        Map<String, YMap> out = new LinkedHashMap<>();
        for (YMap block : used(step)) if (block.has("extract")) addSpecs(block.get("extract").asMap(), out);
        if (step.has("extract")) addSpecs(step.get("extract").asMap(), out);
        return out;
    }

    private static void addSpecs(YMap all, Map<String, YMap> out) {
        for (Map.Entry<String, YNode> e : all.entries().entrySet()) {
            if (out.put(e.getKey(), e.getValue().asMap()) != null) {
                throw new YamlException(all.keyAt(e.getKey()), "'" + e.getKey() + "' is extracted twice in this step");
            }
        }
    }

    private Map<String, YNode> letSpecs(YMap step) {
        Map<String, YNode> out = new LinkedHashMap<>();
        for (YMap block : used(step)) if (block.has("let")) out.putAll(block.get("let").asMap().entries());
        if (step.has("let")) {
            YMap lets = step.get("let").asMap();
            for (Map.Entry<String, YNode> e : lets.entries().entrySet()) {
                if (out.put(e.getKey(), e.getValue()) != null) {
                    throw new YamlException(lets.keyAt(e.getKey()), "'" + e.getKey() + "' is set twice in this step");
                }
            }
        }
        return out;
    }

    private List<YMap> used(YMap step) {
        List<YMap> out = new ArrayList<>();
        if (!step.has("use")) return out;
        YNode use = step.get("use");
        List<YNode> names = use instanceof YNode.YList l ? l.items() : List.of(use);
        for (YNode n : names) {
            YMap block = blocks.get(n.asText());
            if (block == null) throw n.error("no block '" + n.asText() + "' (blocks: " + String.join(", ", blocks.keySet()) + ")");
            out.add(block);
        }
        return out;
    }

    private String valueType(String name, YMap spec) {
        return extractor(name, spec).valueType(options(spec, extractorType(name, spec)));
    }

    // ---- compiling ----

    private static Location at(YNode n, int offset) {
        return n instanceof YNode.YScalar s ? s.locate(offset) : n.at();
    }

    private YamlException error(YNode n, String source, CompileException e) {
        return new YamlException(at(n, e.offset()), "in `" + source + "`: " + e.getMessage());
    }

    Text text(YNode n) {
        if (n == null) return cel.text("", env());
        String source = n.asText();
        try {
            return cel.text(source, env());
        } catch (CompileException e) {
            throw error(n, source, e);
        }
    }

    Condition condition(YNode n) {
        String source = n.asText();
        try {
            return cel.condition(source, env());
        } catch (CompileException e) {
            throw error(n, source, e);
        }
    }

    Expression expression(YNode n) {
        String source = n.asText();
        try {
            return cel.value(source, env());
        } catch (CompileException e) {
            throw error(n, source, e);
        }
    }

    List<Text> command(YNode run) {
        try {
            return List.copyOf(NodeCommandTemplate.parse(run.asText(), (word, start) -> {
                try {
                    return cel.text(word, env());
                } catch (CompileException e) {
                    throw new CommandRefused("in `" + word + "`: " + e.getMessage(), start + e.offset());
                }
            }).argv());
        } catch (CommandRefused e) {
            throw new YamlException(at(run, e.offset()), e.getMessage());
        }
    }

    Set<String> stepKeys() {
        return Set.of("id", "title", "explain", "gather", "ask", "extract", "let", "use", "forEach", "next", "onFailure");
    }

    Set<String> nodeKeys() {
        return Set.of("on", "run", "sudo", "timeout", "accept");
    }

    void checkNode(YMap node) {
        if (node.has("readOnly")) {
            throw new YamlException(node.keyAt("readOnly"), "'readOnly' is gone in version 2: the read-only allow-list decides (docs/node-commands.md)");
        }
    }

    List<Let> lets(YMap step) {
        List<Let> out = new ArrayList<>();
        for (Map.Entry<String, YNode> e : letSpecs(step).entrySet()) out.add(new Let(e.getKey(), expression(e.getValue()), e.getValue().at()));
        return out;
    }

    /**
     * A verify check's own lets, compiled in order against every variable of the playbook; each is
     * declared for the checks and lets after it (a name a step also sets keeps one type, or dyn).
     */
    List<Let> checkLets(YMap lets) {
        List<Let> out = new ArrayList<>();
        for (Map.Entry<String, YNode> e : lets.entries().entrySet()) {
            checkName(e.getKey(), lets.keyAt(e.getKey()));
            CelExpression value = (CelExpression) expression(e.getValue());
            String before = types.get(e.getKey());
            types.put(e.getKey(), before == null || before.equals(value.type()) ? value.type() : "dyn");
            out.add(new Let(e.getKey(), value, e.getValue().at()));
        }
        return out;
    }

    List<Extract> extracts(YMap step) {
        List<Extract> out = new ArrayList<>();
        Set<String> lets = letSpecs(step).keySet();
        List<String> later = new ArrayList<>(extractSpecs(step).keySet());
        for (Map.Entry<String, YMap> e : extractSpecs(step).entrySet()) {
            later.remove(e.getKey());
            String name = e.getKey();
            YMap spec = e.getValue();
            String type = extractorType(name, spec);
            Map<String, String> options = options(spec, type);
            dev.ktriage.spi.v2.Extractor x = extractors.get(type);
            String from = options.remove("from");
            if (from != null && !types.containsKey(from)) throw new YamlException(spec.keyAt("from"), "from: no variable '" + from + "'");
            if (from != null && (lets.contains(from) || later.contains(from) || from.equals(name))) {
                throw new YamlException(spec.keyAt("from"), "from: '" + from + "' is set later in this step (extracts run in order, before the"
                        + " step's lets); compute it with a let instead, e.g. " + from + ".grep('...')");
            }
            for (String opt : options.keySet()) {
                if (!x.options().contains(opt)) {
                    throw new YamlException(spec.keyAt(opt), "unknown option '" + opt + "' for " + type + " (expected: from"
                            + (x.options().isEmpty() ? "" : ", " + String.join(", ", x.options())) + ")");
                }
            }
            dev.ktriage.spi.v2.Extractor.Compiled compiled;
            try {
                compiled = x.compile(spec.get(type).asText(), options);
            } catch (IllegalArgumentException ex) {
                throw spec.get(type).error(ex.getMessage());
            }
            out.add(new Extract(name, type, reading(compiled, from), spec.at()));
        }
        return out;
    }

    private String extractorType(String name, YMap spec) {
        String type = null;
        for (String key : spec.entries().keySet()) {
            if (extractors.get(key) != null) {
                if (type != null) throw new YamlException(spec.keyAt(key), "two extractor types for '" + name + "': " + type + " and " + key);
                type = key;
            }
        }
        if (type == null) {
            throw spec.error("no known extractor type for '" + name + "' (known: " + String.join(", ", extractors.types()) + ")");
        }
        return type;
    }

    private dev.ktriage.spi.v2.Extractor extractor(String name, YMap spec) {
        return extractors.get(extractorType(name, spec));
    }

    private static Map<String, String> options(YMap spec, String type) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : spec.entries().entrySet()) if (!e.getKey().equals(type)) options.put(e.getKey(), e.getValue().asText());
        return options;
    }

    /** The v2 extractor over the step's answer (or a variable's text); nothing found is an {@link Absent} value. */
    private static Reading reading(dev.ktriage.spi.v2.Extractor.Compiled compiled, String from) {
        return evidence -> {
            String text;
            if (from == null) {
                text = evidence.text();
            } else {
                Object v = evidence.variable(from);
                if (v instanceof Absent a) return new Extracted(a, List.of());
                if (v == null) return new Extracted(new Absent("'" + from + "' has no value"), List.of());
                text = v instanceof List<?> l ? String.join("\n", l.stream().map(dev.ktriage.cel.Values::text).toList())
                        : dev.ktriage.cel.Values.text(v);
            }
            try {
                return compiled.extract(new Answer(text, evidence.code()));
            } catch (dev.ktriage.spi.v2.Extractor.NothingFound e) {
                return new Extracted(new Absent(e.getMessage()), List.of());
            }
        };
    }
}
