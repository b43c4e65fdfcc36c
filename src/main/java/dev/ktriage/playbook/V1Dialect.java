package dev.ktriage.playbook;

import dev.ktriage.allowlist.CommandRefused;
import dev.ktriage.playbook.expr.ExprCondition;
import dev.ktriage.playbook.expr.ExprException;
import dev.ktriage.playbook.expr.ExprParser;
import dev.ktriage.playbook.expr.Template;
import dev.ktriage.playbook.lang.Condition;
import dev.ktriage.playbook.lang.Expression;
import dev.ktriage.playbook.lang.Text;
import dev.ktriage.spi.Extractor;
import dev.ktriage.yaml.Location;
import dev.ktriage.yaml.YNode;
import dev.ktriage.yaml.YNode.YMap;
import dev.ktriage.yaml.YamlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Playbook language version 1: its expression language, where an unknown value is null, and its extractors. */
final class V1Dialect implements Dialect {

    private final ExtractorRegistry extractors;

    V1Dialect(ExtractorRegistry extractors) {
        this.extractors = extractors;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Text text(YNode n) {
        if (n == null) return Template.parse("");
        try {
            return Template.parse(n.asText());
        } catch (ExprException e) {
            throw n.error("in template: " + e.getMessage());
        }
    }

    @Override
    public Condition condition(YNode n) {
        try {
            return new ExprCondition(ExprParser.parse(n.asText()), n.asText());
        } catch (ExprException e) {
            throw new YamlException(n.at(), "in expression '" + n.asText() + "' at column " + (e.offset() + 1) + ": " + e.getMessage());
        }
    }

    @Override
    public Expression expression(YNode n) {
        throw n.error("version 1 playbooks have no forEach (write 'version: 2')");
    }

    @Override
    public List<Text> command(YNode run) {
        try {
            return List.copyOf(NodeCommandTemplate.parse(run.asText(), NodeCommandTemplate.V1).argv());
        } catch (CommandRefused e) {
            Location at = run instanceof YNode.YScalar s ? s.locate(e.offset()) : run.at();
            throw new YamlException(at, e.getMessage());
        }
    }

    @Override
    public Set<String> stepKeys() {
        return Set.of("id", "title", "explain", "gather", "ask", "extract", "next", "onFailure");
    }

    @Override
    public Set<String> nodeKeys() {
        return Set.of("on", "run", "sudo", "timeout", "readOnly");
    }

    @Override
    public void checkNode(YMap m) {
        if (!m.has("readOnly") || !m.get("readOnly").asBoolean()) {
            throw m.error("node commands must be marked 'readOnly: true' (ktriage never changes a node)");
        }
    }

    @Override
    public List<Let> lets(YMap step) {
        return List.of();
    }

    @Override
    public List<Extract> extracts(YMap step) {
        List<Extract> out = new ArrayList<>();
        if (!step.has("extract")) return out;
        YMap all = step.get("extract").asMap();
        for (Map.Entry<String, YNode> e : all.entries().entrySet()) {
            Location at = all.keyAt(e.getKey());
            PlaybookLoader.variableName(e.getKey(), at);
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
}
