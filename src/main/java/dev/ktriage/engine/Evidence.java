package dev.ktriage.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.playbook.expr.Values;
import dev.ktriage.spi.EvidenceView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The answer one step gathered, plus the variables known so far: what extractors see. Immutable.
 *
 * @param command the equivalent kubectl/shell command, for the operator
 */
public record Evidence(GatherStatus status, String reason, String text, JsonNode json, int code, String command,
                       Map<String, Object> variables) implements EvidenceView {

    static Evidence of(ClusterAnswer a, String command, Map<String, Object> vars) {
        return new Evidence(a.status(), a.reason(), a.text() == null ? "" : a.text(), a.body(), a.httpCode(), command, vars);
    }

    static Evidence of(NodeAnswer a, String command, Map<String, Object> vars) {
        return new Evidence(a.status(), a.reason(), a.stdout() == null ? "" : a.stdout(), null, a.exitCode(), command, vars);
    }

    /** A step that gathers nothing (it only decides or asks). */
    static Evidence none(Map<String, Object> vars) {
        return new Evidence(GatherStatus.OK, null, "", null, 0, null, vars);
    }

    public boolean failed() {
        return status.isFailure();
    }

    @Override
    public Object variable(String name) {
        return variables.get(name);
    }

    @Override
    public List<String> lines(String from) {
        if (from == null) return text.lines().toList();
        Object v = variables.get(from);
        if (v == null) return List.of();
        if (v instanceof Collection<?> c) {
            List<String> out = new ArrayList<>();
            for (Object o : c) out.add(Values.text(o));
            return out;
        }
        return Values.text(v).lines().toList();
    }
}
