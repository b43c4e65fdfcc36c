package dev.ktriage.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.playbook.Reading;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer one step gathered, plus the variables known so far: what extractors see. Immutable.
 *
 * @param command the equivalent kubectl/shell command, for the operator
 * @param facts   the answer as the step's {@code response} holds it: code, text, stderr, body (a JSON
 *                answer's, as CEL values), and for a fan-out answered, failed and outputs; empty when
 *                the step gathered nothing
 */
public record Evidence(GatherStatus status, String reason, String text, JsonNode json, int code, String command,
                       Map<String, Object> variables, Map<String, Object> facts) implements Reading.Answer {

    Evidence(GatherStatus status, String reason, String text, JsonNode json, int code, String command, Map<String, Object> variables) {
        this(status, reason, text, json, code, command, variables, Map.of());
    }

    static Evidence of(ClusterAnswer a, String command, Map<String, Object> vars) {
        String text = a.text() == null ? "" : a.text();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("code", (long) a.httpCode());
        facts.put("text", text);
        facts.put("stderr", "");
        if (a.body() != null) facts.put("body", dev.ktriage.cel.Values.fromJson(a.body()));
        return new Evidence(a.status(), a.reason(), text, a.body(), a.httpCode(), command, vars, facts);
    }

    static Evidence of(NodeAnswer a, String command, Map<String, Object> vars) {
        String text = a.stdout() == null ? "" : a.stdout();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("code", (long) a.exitCode());
        facts.put("text", text);
        facts.put("stderr", a.stderr() == null ? "" : a.stderr());
        return new Evidence(a.status(), a.reason(), text, null, a.exitCode(), command, vars, facts);
    }

    /** A step that gathers nothing (it only decides or asks). */
    static Evidence none(Map<String, Object> vars) {
        return new Evidence(GatherStatus.OK, null, "", null, 0, null, vars, Map.of());
    }

    /** The same answer seen with other variables (each extractor sees those before it). */
    Evidence withVariables(Map<String, Object> vars) {
        return new Evidence(status, reason, text, json, code, command, vars, facts);
    }

    public boolean failed() {
        return status.isFailure();
    }

    @Override
    public Object variable(String name) {
        return variables.get(name);
    }
}
