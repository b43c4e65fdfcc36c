package dev.ktriage.playbook;

import dev.ktriage.cel.ExpressionSource;
import dev.ktriage.yaml.Location;
import dev.ktriage.yaml.YNode;
import dev.ktriage.yaml.YNode.YMap;
import dev.ktriage.yaml.YamlException;
import dev.ktriage.yaml.YamlReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import dev.ktriage.playbook.lang.Condition;
import dev.ktriage.playbook.lang.Text;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one playbook file, strictly: unknown keys, wrong types, duplicate ids, {@code goto} targets
 * that do not exist, unreachable steps and diagnoses, and every expression's types ({@link CelDialect})
 * are errors naming file:line:column.
 */
public final class PlaybookLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> ROOT_KEYS = Set.of("version", "id", "title", "description", "symptoms", "inputs", "steps", "diagnoses", "blocks");

    private final ExtractorRegistry extractors;
    private final ExpressionSource expressions;
    private CelDialect dialect;

    public PlaybookLoader(ExtractorRegistry extractors) {
        this(extractors, Expressions.shared());
    }

    public PlaybookLoader(ExtractorRegistry extractors, ExpressionSource expressions) {
        this.extractors = extractors;
        this.expressions = expressions;
    }

    public Playbook load(String text, String displayName, String origin) {
        return load(YamlReader.readAllWithSource(text, displayName), displayName, origin);
    }

    /** A playbook from its file's YAML documents, already read (see {@link YamlReader#readAll(String, String)}). */
    public synchronized Playbook load(List<YNode> docs, String displayName, String origin) {
        if (docs.size() != 1) throw new YamlException(new Location(displayName, 1, 1), "a playbook file holds exactly one YAML document");
        YMap root = docs.get(0).asMap();
        version(root);
        root.onlyKeys(ROOT_KEYS);
        String id = id(root.require("id"));
        List<Input> inputs = inputs(root);
        dialect = new CelDialect(root, inputs, extractors, expressions);
        Map<String, DiagnosisSpec> diagnoses = diagnoses(root);
        Map<String, Step> steps = steps(root.require("steps"), diagnoses);
        verifications(root, steps, diagnoses);
        Playbook p = new Playbook(id, root.require("title").asText(), root.text("description", ""),
                symptoms(root), inputs, steps, diagnoses, origin, root.at());
        new PlaybookGraph(p).check();
        return p;
    }

    private static void version(YMap root) {
        if (!root.has("version")) {
            throw root.error("a playbook in language version 1: this ktriage reads version 2. Add 'version: 2' and write its"
                    + " expressions in CEL (docs/playbooks.md, 'Migrating from version 1')");
        }
        int v = root.get("version").asInt();
        if (v != 2) throw root.get("version").error("this ktriage reads playbook language version 2, not " + v);
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
            YMap m = n.asMap().onlyKeys(Set.of("id", "title", "confidence", "summary", "remedy", "verify"));
            String id = id(m.require("id"));
            String confidence = m.text("confidence", "medium");
            if (!DiagnosisSpec.CONFIDENCES.contains(confidence)) throw m.get("confidence").error("confidence must be high, medium or low");
            DiagnosisSpec d = new DiagnosisSpec(id, m.require("title").asText(), confidence,
                    dialect.text(m.get("summary")), dialect.text(m.get("remedy")), m.at());
            if (out.putIfAbsent(id, d) != null) throw m.require("id").error("duplicate diagnosis id '" + id + "'");
        }
        return out;
    }

    /**
     * Each diagnosis's {@code verify:} block, read after the steps: its checks name top-level steps
     * that gather, and their expressions see every variable of the playbook.
     */
    private void verifications(YMap root, Map<String, Step> steps, Map<String, DiagnosisSpec> diagnoses) {
        if (!root.has("diagnoses")) return;
        for (YNode n : root.get("diagnoses").asList().items()) {
            YMap m = n.asMap();
            if (!m.has("verify")) continue;
            String id = m.require("id").asText();
            YMap v = m.get("verify").asMap().onlyKeys(Set.of("fixedWhen", "facts", "durable"));
            String mode = v.text("fixedWhen", "any");
            Verification.Mode fixedWhen = switch (mode) {
                case "any" -> Verification.Mode.ANY;
                case "all" -> Verification.Mode.ALL;
                default -> throw v.get("fixedWhen").error("fixedWhen is any (one fact gone fixes it) or all (every fact must be gone), not '" + mode + "'");
            };
            List<Verification.Check> facts = checks(v.require("facts"), steps);
            if (facts.isEmpty()) throw v.get("facts").error("verify needs at least one fact to re-read");
            List<Verification.Check> durable = v.has("durable") ? checks(v.get("durable"), steps) : List.of();
            diagnoses.put(id, diagnoses.get(id).withVerify(new Verification(fixedWhen, facts, durable, v.at())));
        }
    }

    private List<Verification.Check> checks(YNode list, Map<String, Step> steps) {
        List<Verification.Check> out = new ArrayList<>();
        for (YNode n : list.asList().items()) {
            YMap c = n.asMap().onlyKeys(Set.of("step", "let", "holds", "says"));
            YNode stepNode = c.require("step");
            Step step = steps.get(stepNode.asText());
            if (step == null) throw stepNode.error("no step '" + stepNode.asText() + "' in this playbook (a verify check re-runs a top-level step)");
            if (step.gather() == null) throw stepNode.error("step '" + step.id() + "' gathers nothing: a verify check re-reads a step that gathers");
            List<Let> lets = c.has("let") ? dialect.checkLets(c.get("let").asMap()) : List.of();
            out.add(new Verification.Check(step.id(), lets, dialect.condition(c.require("holds")), dialect.text(c.require("says")), c.at()));
        }
        return out;
    }

    private Map<String, Step> steps(YNode list, Map<String, DiagnosisSpec> diagnoses) {
        Map<String, Step> out = new LinkedHashMap<>();
        List<YNode> items = list.asList().items();
        if (items.isEmpty()) throw list.error("a playbook needs at least one step");
        for (YNode n : items) {
            Step s = step(n.asMap(), diagnoses);
            if (out.putIfAbsent(s.id(), s) != null) throw n.asMap().require("id").error("duplicate step id '" + s.id() + "'");
        }
        return out;
    }

    private Step step(YMap m, Map<String, DiagnosisSpec> diagnoses) {
        m.onlyKeys(dialect.stepKeys());
        String id = id(m.require("id"));
        Gather gather = m.has("gather") ? gather(m.get("gather").asMap()) : null;
        Question ask = m.has("ask") ? question(m.get("ask").asMap()) : null;
        ForEach forEach = m.has("forEach") ? forEach(m.get("forEach").asMap(), diagnoses) : null;
        if ((gather != null ? 1 : 0) + (ask != null ? 1 : 0) + (forEach != null ? 1 : 0) > 1) {
            throw m.error("a step gathers, asks or walks a forEach: one of them");
        }
        List<Rule> rules = new ArrayList<>();
        for (YNode r : m.require("next").asList().items()) rules.add(rule(r.asMap(), diagnoses));
        if (rules.isEmpty()) throw m.get("next").error("a step needs at least one rule in 'next'");
        return new Step(id, m.text("title", id), dialect.text(m.get("explain")), gather, ask, dialect.extracts(m), rules,
                m.has("onFailure") ? id(m.get("onFailure")) : null, dialect.lets(m), forEach, m.at());
    }

    private ForEach forEach(YMap m, Map<String, DiagnosisSpec> diagnoses) {
        m.onlyKeys(Set.of("in", "as", "collect", "steps"));
        return new ForEach(dialect.expression(m.require("in")), m.require("as").asText(), m.require("collect").asText(),
                steps(m.require("steps"), diagnoses), m.at());
    }

    private Gather gather(YMap m) {
        m.onlyKeys(Set.of("cluster", "node"));
        if (m.has("cluster") == m.has("node")) throw m.error("gather needs exactly one of 'cluster' or 'node'");
        if (m.has("cluster")) {
            YMap c = m.get("cluster").asMap();
            if (c.has("accessReview")) {
                c.onlyKeys(Set.of("accessReview"));
                return ClusterGatherReader.review(c.get("accessReview").asMap(), dialect::text);
            }
            return ClusterGatherReader.read(c, dialect::text);
        }
        return nodeGather(m.get("node").asMap());
    }

    private Gather nodeGather(YMap m) {
        dialect.checkNode(m);
        m.onlyKeys(dialect.nodeKeys());
        List<Text> argv = dialect.command(m.require("run"));
        int timeout = m.has("timeout") ? m.get("timeout").asInt() : 10;
        if (timeout < 1 || timeout > 300) throw m.get("timeout").error("timeout must be 1..300 seconds");
        List<Integer> accept = new ArrayList<>();
        if (m.has("accept")) {
            for (YNode c : m.get("accept").asList().items()) {
                int code = c.asInt();
                if (code < 0 || code > 255) throw c.error("an exit code is 0..255");
                accept.add(code);
            }
        } else {
            accept.add(0);
        }
        return new Gather.Node(dialect.text(m.require("on")), argv, m.has("sudo") && m.get("sudo").asBoolean(), timeout, accept);
    }

    private Question question(YMap m) {
        m.onlyKeys(Set.of("id", "text", "choices"));
        List<String> choices = new ArrayList<>();
        if (m.has("choices")) for (YNode c : m.get("choices").asList().items()) choices.add(c.asText());
        return new Question(variableName(m.require("id")), dialect.text(m.require("text")), choices);
    }

    private Rule rule(YMap m, Map<String, DiagnosisSpec> diagnoses) {
        m.onlyKeys(Set.of("when", "finding", "says", "diagnose", "goto", "handoff", "end", "confidence", "healthy", "excludedSays"));
        Condition when = m.has("when") ? dialect.condition(m.get("when")) : null;
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
        Text confidence = null;
        if (m.has("confidence")) {
            YNode c = m.get("confidence");
            if (diagnose.isEmpty()) throw c.error("'confidence' belongs to a rule that diagnoses");
            confidence = dialect.text(c);
            if (confidence.isConstant() && !DiagnosisSpec.CONFIDENCES.contains(c.asText())) {
                throw c.error("confidence must be high, medium or low (or a template giving one)");
            }
        }
        boolean healthy = m.has("healthy") && m.get("healthy").asBoolean();
        if (healthy) {
            YNode h = m.get("healthy");
            if (!diagnose.isEmpty()) throw h.error("a rule that diagnoses cannot also say healthy");
            if (!end) throw h.error("'healthy: true' belongs to a rule that ends the session: add 'end: true'");
            if (when == null) {
                throw h.error("a healthy rule needs a 'when': health is a condition the facts meet, never what is left when no other rule held");
            }
            if (!m.has("says")) throw h.error("a healthy rule needs 'says': what the facts it rests on establish");
        }
        Text excluded = null;
        if (m.has("excludedSays")) {
            if (when == null) throw m.get("excludedSays").error("'excludedSays' needs a 'when': a rule without one is never excluded");
            excluded = dialect.text(m.get("excludedSays"));
        }
        return new Rule(when, finding, dialect.text(m.get("says")), diagnose, gotoStep, handoff, end, confidence, healthy, excluded, m.at());
    }

    private Rule.Handoff handoff(YMap m) {
        m.onlyKeys(Set.of("playbook", "set"));
        Map<String, Text> set = new LinkedHashMap<>();
        if (m.has("set")) {
            for (Map.Entry<String, YNode> e : m.get("set").asMap().entries().entrySet()) set.put(e.getKey(), dialect.text(e.getValue()));
        }
        return new Rule.Handoff(id(m.require("playbook")), set, m.at());
    }

    static String id(YNode n) {
        String id = n.asText();
        if (!ID.matcher(id).matches()) throw n.error("'" + id + "' is not a valid id (lowercase words joined by '-')");
        return id;
    }

    private static String variableName(YNode n) {
        return variableName(n.asText(), n.at());
    }

    static String variableName(String name, Location at) {
        if (!VARIABLE.matcher(name).matches()) throw new YamlException(at, "'" + name + "' is not a valid name (letters, digits, '_')");
        return name;
    }

    private static Pattern regex(YNode n) {
        try {
            return Pattern.compile(n.asText());
        } catch (PatternSyntaxException e) {
            throw n.error("bad regular expression: " + e.getDescription());
        }
    }
}
