package dev.ktriage.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.Exclusion;
import dev.ktriage.engine.Fact;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.engine.StepStatus;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.json.JsonTrees;
import java.util.ArrayList;
import java.util.List;

/** The JSON shapes of transcript entries, both ways. */
public final class TranscriptCodec {


    private TranscriptCodec() {
    }

    public static ObjectNode request(ClusterRequest r) {
        ObjectNode o = JsonTrees.object();
        o.put("key", r.key());
        o.put("kubectl", r.kubectl());
        return o;
    }

    public static ObjectNode answer(ClusterAnswer a) {
        ObjectNode o = JsonTrees.object();
        o.put("status", a.status().name());
        o.put("http", a.httpCode());
        if (a.body() != null) o.set("body", a.body().deepCopy());
        if (a.text() != null) o.put("text", a.text());
        if (a.reason() != null) o.put("reason", a.reason());
        o.put("ms", a.millis());
        return o;
    }

    public static ClusterAnswer clusterAnswer(JsonNode o) {
        GatherStatus s = GatherStatus.valueOf(o.path("status").asText("ERROR"));
        return new ClusterAnswer(s, o.path("http").asInt(), o.has("body") ? o.get("body") : null,
                o.has("text") ? o.get("text").asText() : null, o.has("reason") ? o.get("reason").asText() : null, o.path("ms").asLong());
    }

    public static ObjectNode command(NodeCommand c) {
        ObjectNode o = JsonTrees.object();
        o.put("node", c.node());
        o.put("line", c.commandLine());
        ArrayNode argv = o.putArray("argv");
        c.argv().forEach(argv::add);
        o.put("sudo", c.sudo());
        o.put("timeout", c.timeoutSeconds());
        return o;
    }

    public static String nodeKey(NodeCommand c) {
        return c.node() + ": " + c.commandLine();
    }

    public static String nodeKeyOf(JsonNode command) {
        return command.path("node").asText() + ": " + command.path("line").asText();
    }

    public static ObjectNode answer(NodeAnswer a) {
        ObjectNode o = JsonTrees.object();
        o.put("status", a.status().name());
        o.put("exit", a.exitCode());
        o.put("stdout", a.stdout());
        o.put("stderr", a.stderr());
        if (a.reason() != null) o.put("reason", a.reason());
        o.put("ms", a.millis());
        return o;
    }

    public static NodeAnswer nodeAnswer(JsonNode o) {
        return new NodeAnswer(GatherStatus.valueOf(o.path("status").asText("ERROR")), o.path("exit").asInt(),
                o.path("stdout").asText(""), o.path("stderr").asText(""), o.has("reason") ? o.get("reason").asText() : null,
                o.path("ms").asLong());
    }

    public static ObjectNode step(StepRecord s) {
        ObjectNode o = JsonTrees.object();
        o.put("id", s.id());
        o.put("title", s.title());
        o.put("status", s.status().wireName());
        if (s.finding() != null) o.put("finding", s.finding());
        if (s.rule() != null) o.put("rule", s.rule());
        if (!s.says().isEmpty()) o.put("says", s.says());
        if (s.reason() != null) o.put("reason", s.reason());
        if (s.command() != null) o.put("command", s.command());
        strings(o.putArray("quotes"), s.quotes());
        strings(o.putArray("ruledOut"), s.ruledOut());
        return o;
    }

    public static StepRecord stepRecord(JsonNode o) {
        return new StepRecord(o.path("id").asText(), o.path("title").asText(),
                StepStatus.valueOf(o.path("status").asText("inconclusive").toUpperCase()),
                o.has("finding") ? o.get("finding").asText() : null, o.path("says").asText(""),
                o.has("reason") ? o.get("reason").asText() : null, list(o.path("quotes")), list(o.path("ruledOut")),
                o.has("command") ? o.get("command").asText() : null, o.hasNonNull("rule") ? o.get("rule").asInt() : null);
    }

    public static ObjectNode diagnosis(Diagnosis d) {
        ObjectNode o = JsonTrees.object();
        o.put("id", d.id());
        o.put("title", d.title());
        o.put("confidence", d.confidence());
        if (!d.summary().isEmpty()) o.put("summary", d.summary());
        strings(o.putArray("evidence"), d.evidence());
        o.put("remedy", d.remedy());
        o.put("playbook", d.playbook());
        provenance(o, d);
        return o;
    }

    /**
     * A diagnosis's facts with where each came from, and the alternatives excluded on the way, as
     * the transcript and {@code run --output json} write them (docs/scenarios.md).
     */
    public static void provenance(ObjectNode o, Diagnosis d) {
        ArrayNode facts = o.putArray("facts");
        for (Fact f : d.facts()) {
            ObjectNode j = facts.addObject();
            j.put("step", f.step());
            j.put("title", f.title());
            j.put("says", f.says());
            strings(j.putArray("quotes"), f.quotes());
            j.put("source", f.source());
            if (f.command() != null) j.put("command", f.command());
            if (f.node() != null) j.put("node", f.node());
            j.put("at", f.at().toString());
        }
        ArrayNode out = o.putArray("ruledOut");
        for (Exclusion x : d.ruledOut()) {
            ObjectNode j = out.addObject();
            j.put("step", x.step());
            j.put("finding", x.finding());
            j.put("condition", x.condition());
            if (x.because() != null) j.put("because", x.because());
            else j.putNull("because");
            j.put("says", x.says());
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static List<String> list(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }
}
