package dev.ktriage.playbook;

import dev.ktriage.allowlist.CommandRefused;
import dev.ktriage.playbook.expr.Expr;
import dev.ktriage.playbook.expr.ExprException;
import dev.ktriage.playbook.expr.ExprCondition;
import dev.ktriage.playbook.expr.ExprParser;
import dev.ktriage.playbook.expr.Template;
import dev.ktriage.playbook.lang.Condition;
import dev.ktriage.playbook.lang.Text;
import dev.ktriage.spi.Extractor;
import dev.ktriage.yaml.Location;
import dev.ktriage.yaml.YNode;
import dev.ktriage.yaml.YNode.YMap;
import dev.ktriage.yaml.YamlException;
import dev.ktriage.yaml.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one playbook file, strictly: unknown keys, wrong types, duplicate ids, {@code goto} targets
 * that do not exist and diagnoses no rule reaches are errors naming file:line:column.
 */
public final class PlaybookLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> CONFIDENCE = Set.of("high", "medium", "low");

    private final ExtractorRegistry extractors;

    public PlaybookLoader(ExtractorRegistry extractors) {
        this.extractors = extractors;
    }

    public Playbook load(String text, String displayName, String origin) {
        return load(YamlReader.readAll(text, displayName), displayName, origin);
    }

    /** A playbook from its file's YAML documents, already read (see {@link YamlReader#readAll(String, String)}). */
    public Playbook load(List<YNode> docs, String displayName, String origin) {
        if (docs.size() != 1) throw new YamlException(new Location(displayName, 1, 1), "a playbook file holds exactly one YAML document");
        YMap root = docs.get(0).asMap().onlyKeys(Set.of("id", "title", "description", "symptoms", "inputs", "steps", "diagnoses"));
        String id = id(root.require("id"));
        Map<String, DiagnosisSpec> diagnoses = diagnoses(root);
        List<Input> inputs = inputs(root);
        Map<String, Step> steps = steps(root, diagnoses);
        Playbook p = new Playbook(id, root.require("title").asText(), root.text("description", ""),
                symptoms(root), inputs, steps, diagnoses, origin, root.at());
        new PlaybookGraph(p).check();
        return p;
    }

    private List<Symptom> symptoms(YMap root) {
        List<Symptom> out = new ArrayList<>();
        if (!root.has("symptoms")) return out;
        for (YNode n : root.get("symptoms").asList().items()) {
            YMap m = n.asMap().onlyKeys(Set.of("reason", "message", "apiService", "raw", "weight", "says"));
            int kinds = (m.has("reason") ? 1 : 0) + (m.has("apiService") ? 1 : 0) + (m.has("raw") ? 1 : 0);
            if (kinds != 1) throw m.error("a symptom names one of: an event 'reason', an 'apiService', a 'raw' path");
            if (m.has("raw") && !m.get("raw").asText().startsWith("/")) throw m.get("raw").error("a raw path starts with '/'");
            if (m.has("apiService") && m.has("message")) throw new YamlException(m.keyAt("message"), "'message' goes with an event 'reason'");
            double weight = 1.0;
            if (m.has("weight")) {
                try {
                    weight = Double.parseDouble(m.get("weight").asText());
                } catch (NumberFormatException e) {
                    throw m.get("weight").error("weight must be a number between 0 and 1");
                }
                if (weight <= 0 || weight > 1) throw m.get("weight").error("weight must be a number between 0 and 1");
            }
            out.add(new Symptom(m.text("reason", null), m.has("message") ? regex(m.get("message")) : null,
                    m.text("apiService", null), m.text("raw", null), weight, m.text("says", "")));
        }
        return out;
    }

    private List<Input> inputs(YMap root) {
        List<Input> out = new ArrayList<>();
        if (!root.has("inputs")) return out;
        Set<String> seen = new java.util.HashSet<>();
        for (YNode n : root.get("inputs").asList().items()) {
            YMap m = n.asMap().onlyKeys(Set.of("id", "kind", "description", "required"));
            String id = variableName(m.require("id"));
            if (!seen.add(id)) throw m.require("id").error("duplicate input '" + id + "'");
            String kind = m.text("kind", "text");
            Input.Kind k = switch (kind) {
                case "pod" -> Input.Kind.POD;
                case "node" -> Input.Kind.NODE;
                case "text" -> Input.Kind.TEXT;
                default -> throw m.get("kind").error("unknown input kind '" + kind + "' (expected pod, node or text)");
            };
            out.add(new Input(id, k, m.text("description", ""), !m.has("required") || m.get("required").asBoolean(), m.at()));
        }
        return out;
    }

    private Map<String, DiagnosisSpec> diagnoses(YMap root) {
        Map<String, DiagnosisSpec> out = new LinkedHashMap<>();
        if (!root.has("diagnoses")) return out;
        for (YNode n : root.get("diagnoses").asList().items()) {
            YMap m = n.asMap().onlyKeys(Set.of("id", "title", "confidence", "summary", "remedy"));
            String id = id(m.require("id"));
            String confidence = m.text("confidence", "medium");
            if (!CONFIDENCE.contains(confidence)) throw m.get("confidence").error("confidence must be high, medium or low");
            DiagnosisSpec d = new DiagnosisSpec(id, m.require("title").asText(), confidence,
                    template(m, "summary"), template(m, "remedy"), m.at());
            if (out.putIfAbsent(id, d) != null) throw m.require("id").error("duplicate diagnosis id '" + id + "'");
        }
        return out;
    }

    private Map<String, Step> steps(YMap root, Map<String, DiagnosisSpec> diagnoses) {
        Map<String, Step> out = new LinkedHashMap<>();
        List<YNode> items = root.require("steps").asList().items();
        if (items.isEmpty()) throw root.get("steps").error("a playbook needs at least one step");
        for (YNode n : items) {
            Step s = step(n.asMap(), diagnoses);
            if (out.putIfAbsent(s.id(), s) != null) throw n.asMap().require("id").error("duplicate step id '" + s.id() + "'");
        }
        return out;
    }

    private Step step(YMap m, Map<String, DiagnosisSpec> diagnoses) {
        m.onlyKeys(Set.of("id", "title", "explain", "gather", "ask", "extract", "next", "onFailure"));
        String id = id(m.require("id"));
        Gather gather = m.has("gather") ? gather(m.get("gather").asMap()) : null;
        Question ask = m.has("ask") ? question(m.get("ask").asMap()) : null;
        if (gather != null && ask != null) throw new YamlException(m.keyAt("ask"), "a step either gathers or asks, not both");
        List<Rule> rules = new ArrayList<>();
        for (YNode r : m.require("next").asList().items()) rules.add(rule(r.asMap(), diagnoses));
        if (rules.isEmpty()) throw m.get("next").error("a step needs at least one rule in 'next'");
        return new Step(id, m.text("title", id), template(m, "explain"), gather, ask, extracts(m), rules,
                m.has("onFailure") ? id(m.get("onFailure")) : null, m.at());
    }

    private Gather gather(YMap m) {
        m.onlyKeys(Set.of("cluster", "node"));
        if (m.has("cluster") == m.has("node")) throw m.error("gather needs exactly one of 'cluster' or 'node'");
        return m.has("cluster") ? ClusterGatherReader.read(m.get("cluster").asMap()) : nodeGather(m.get("node").asMap());
    }

    private Gather nodeGather(YMap m) {
        m.onlyKeys(Set.of("on", "run", "sudo", "timeout", "readOnly"));
        if (!m.has("readOnly") || !m.get("readOnly").asBoolean()) {
            throw m.error("node commands must be marked 'readOnly: true' (ktriage never changes a node)");
        }
        List<Text> argv;
        YNode run = m.require("run");
        try {
            argv = List.copyOf(NodeCommandTemplate.parse(run.asText()).argv());
        } catch (CommandRefused e) {
            Location at = run instanceof YNode.YScalar s ? s.locate(e.offset()) : run.at();
            throw new YamlException(at, e.getMessage());
        }
        int timeout = m.has("timeout") ? m.get("timeout").asInt() : 10;
        if (timeout < 1 || timeout > 300) throw m.get("timeout").error("timeout must be 1..300 seconds");
        return new Gather.Node(template(m.require("on")), argv, m.has("sudo") && m.get("sudo").asBoolean(), timeout);
    }

    private Question question(YMap m) {
        m.onlyKeys(Set.of("id", "text", "choices"));
        List<String> choices = new ArrayList<>();
        if (m.has("choices")) for (YNode c : m.get("choices").asList().items()) choices.add(c.asText());
        return new Question(variableName(m.require("id")), template(m.require("text")), choices);
    }

    private List<Extract> extracts(YMap step) {
        List<Extract> out = new ArrayList<>();
        if (!step.has("extract")) return out;
        YMap all = step.get("extract").asMap();
        for (Map.Entry<String, YNode> e : all.entries().entrySet()) {
            Location at = all.keyAt(e.getKey());
            if (!VARIABLE.matcher(e.getKey()).matches()) throw new YamlException(at, "'" + e.getKey() + "' is not a valid variable name");
            out.add(extract(e.getKey(), e.getValue().asMap(), at));
        }
        return out;
    }

    private Extract extract(String name, YMap spec, Location at) {
        String type = null;
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : spec.entries().entrySet()) {
            if (extractors.get(e.getKey()) != null) {
                if (type != null) throw new YamlException(spec.keyAt(e.getKey()), "two extractor types for '" + name + "': " + type + " and " + e.getKey());
                type = e.getKey();
            } else {
                options.put(e.getKey(), e.getValue().asText());
            }
        }
        if (type == null) {
            throw spec.error("no known extractor type for '" + name + "' (known: " + String.join(", ", extractors.types()) + ")");
        }
        Extractor x = extractors.get(type);
        for (String opt : options.keySet()) {
            if (!x.options().contains(opt)) throw new YamlException(spec.keyAt(opt), "unknown option '" + opt + "' for " + type + " (expected: " + x.options() + ")");
        }
        try {
            return new Extract(name, type, x.compile(spec.get(type).asText(), options), at);
        } catch (IllegalArgumentException e) {
            throw spec.get(type).error(e.getMessage());
        }
    }

    private Rule rule(YMap m, Map<String, DiagnosisSpec> diagnoses) {
        m.onlyKeys(Set.of("when", "finding", "says", "diagnose", "goto", "handoff", "end"));
        Condition when = m.has("when") ? new ExprCondition(expr(m.get("when")), m.get("when").asText()) : null;
        List<String> diagnose = new ArrayList<>();
        if (m.has("diagnose")) {
            YNode d = m.get("diagnose");
            List<YNode> ids = d instanceof YNode.YList l ? l.items() : List.of(d);
            for (YNode idNode : ids) {
                String id = idNode.asText();
                if (!diagnoses.containsKey(id)) throw idNode.error("unknown diagnosis '" + id + "' (declare it under 'diagnoses')");
                diagnose.add(id);
            }
        }
        Rule.Handoff handoff = m.has("handoff") ? handoff(m.get("handoff").asMap()) : null;
        String gotoStep = m.has("goto") ? id(m.get("goto")) : null;
        boolean end = m.has("end") && m.get("end").asBoolean();
        int targets = (gotoStep != null ? 1 : 0) + (handoff != null ? 1 : 0) + (end ? 1 : 0);
        if (targets > 1) throw m.error("a rule goes to one place: 'goto', 'handoff' or 'end'");
        if (targets == 0 && diagnose.isEmpty()) throw m.error("a rule needs 'goto', 'handoff', 'end' or 'diagnose'");
        String finding = m.has("finding") ? id(m.get("finding")) : null;
        return new Rule(when, finding, template(m, "says"), diagnose, gotoStep, handoff, end, m.at());
    }

    private Rule.Handoff handoff(YMap m) {
        m.onlyKeys(Set.of("playbook", "set"));
        Map<String, Text> set = new LinkedHashMap<>();
        if (m.has("set")) {
            for (Map.Entry<String, YNode> e : m.get("set").asMap().entries().entrySet()) set.put(e.getKey(), template(e.getValue()));
        }
        return new Rule.Handoff(id(m.require("playbook")), set, m.at());
    }

    static String id(YNode n) {
        String id = n.asText();
        if (!ID.matcher(id).matches()) throw n.error("'" + id + "' is not a valid id (lowercase words joined by '-')");
        return id;
    }

    private static String variableName(YNode n) {
        String id = n.asText();
        if (!VARIABLE.matcher(id).matches()) throw n.error("'" + id + "' is not a valid name (letters, digits, '_')");
        return id;
    }

    private static Expr expr(YNode n) {
        try {
            return ExprParser.parse(n.asText());
        } catch (ExprException e) {
            Location at = n.at();
            throw new YamlException(at, "in expression '" + n.asText() + "' at column " + (e.offset() + 1) + ": " + e.getMessage());
        }
    }

    static Template template(YNode n) {
        try {
            return Template.parse(n.asText());
        } catch (ExprException e) {
            throw n.error("in template: " + e.getMessage());
        }
    }

    private static Template template(YMap m, String key) {
        return m.has(key) ? template(m.get(key)) : Template.parse("");
    }

    private static Pattern regex(YNode n) {
        try {
            return Pattern.compile(n.asText());
        } catch (PatternSyntaxException e) {
            throw n.error("bad regular expression: " + e.getDescription());
        }
    }
}
