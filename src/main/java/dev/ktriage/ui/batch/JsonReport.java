package dev.ktriage.ui.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.engine.Conclusion;
import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.Fact;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.transcript.TranscriptCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code run --output json} object (docs/scenarios.md, a contract: fields are only ever added).
 * Fields beyond the original ones: {@code reason}, per-step {@code title}/{@code reason}, per-diagnosis
 * {@code summary}/{@code playbook}, {@code unansweredCommands} for lab runs; from schema version 2
 * {@code schemaVersion}, {@code inputs}, and per step the structured evidence: {@code says},
 * {@code source} (cluster, node or none), {@code command} and {@code quotes}; from schema version 3
 * {@code conclusion}: diagnosed, healthy, could-not-tell or error; from schema version 4 per diagnosis
 * {@code facts} (each with the step, read, node and time it came from) and {@code ruledOut} (the
 * alternatives the playbook excluded on the way, and why).
 */
public final class JsonReport {

    /** Raised when fields are added; a check may rely on what a version has. */
    public static final int SCHEMA_VERSION = 4;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(SessionResult r, Path transcript, List<String> unansweredCommands, Map<String, String> inputs) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        o.put("playbook", r.playbook());
        o.put("outcome", r.outcome().wireName());
        o.put("conclusion", r.conclusion().wireName());
        ArrayNode ds = o.putArray("diagnoses");
        for (Diagnosis d : r.diagnoses()) {
            ObjectNode j = ds.addObject();
            j.put("id", d.id());
            j.put("title", d.title());
            j.put("confidence", d.confidence());
            ArrayNode ev = j.putArray("evidence");
            d.evidence().forEach(ev::add);
            j.put("remedy", d.remedy());
            j.put("summary", d.summary());
            j.put("playbook", d.playbook());
            TranscriptCodec.provenance(j, d);
        }
        ArrayNode ss = o.putArray("steps");
        for (StepRecord s : r.steps()) {
            ObjectNode j = ss.addObject();
            j.put("id", s.id());
            j.put("status", s.status().wireName());
            if (s.finding() != null) j.put("finding", s.finding());
            else j.putNull("finding");
            j.put("title", s.title());
            if (s.reason() != null) j.put("reason", s.reason());
            if (s.says() != null && !s.says().isBlank()) j.put("says", s.says());
            j.put("source", Fact.source(s.command()));
            if (s.command() != null) j.put("command", s.command());
            ArrayNode quotes = j.putArray("quotes");
            s.quotes().forEach(q -> quotes.add(q.strip()));
        }
        ObjectNode in = o.putObject("inputs");
        inputs.forEach(in::put);
        if (transcript != null) o.put("transcript", transcript.toString());
        else o.putNull("transcript");
        if (r.reason() != null) o.put("reason", r.reason());
        if (unansweredCommands != null && !unansweredCommands.isEmpty()) {
            ArrayNode u = o.putArray("unansweredCommands");
            unansweredCommands.forEach(u::add);
        }
        return write(o);
    }

    /** The error object: outcome "error" with a one-line message (exit 1). */
    public static String error(String playbook, String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        o.put("playbook", playbook);
        o.put("outcome", "error");
        o.put("conclusion", Conclusion.ERROR.wireName());
        o.putArray("diagnoses");
        o.putArray("steps");
        o.putNull("transcript");
        o.put("error", message);
        return write(o);
    }

    private static String write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
