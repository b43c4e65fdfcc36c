package dev.ktriage.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.json.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded session, read back: what was asked and answered, in order, and how it ended.
 *
 * @param cluster cluster exchanges in order: [request key, answer JSON]
 * @param nodes   node exchanges in order: ["node: command line", answer JSON]
 * @param outcome the recorded outcome, or null when the session never ended (a crash)
 * @param namespace where inputs given without a namespace were read; null in transcripts from
 *                  before it was recorded (they were read in "default")
 * @param conclusion the recorded conclusion (diagnosed, healthy, could-not-tell); null when the
 *                  session never ended, or in transcripts from before it was recorded
 */
public record Transcript(
        Path path,
        String playbook,
        Map<String, String> inputs,
        List<Map.Entry<String, JsonNode>> cluster,
        List<Map.Entry<String, JsonNode>> nodes,
        Map<String, String> answers,
        List<StepRecord> steps,
        List<String> diagnoses,
        String outcome,
        String namespace,
        String conclusion) {

    /** A transcript without a recorded conclusion. */
    public Transcript(Path path, String playbook, Map<String, String> inputs, List<Map.Entry<String, JsonNode>> cluster,
                      List<Map.Entry<String, JsonNode>> nodes, Map<String, String> answers, List<StepRecord> steps,
                      List<String> diagnoses, String outcome, String namespace) {
        this(path, playbook, inputs, cluster, nodes, answers, steps, diagnoses, outcome, namespace, null);
    }

    /** A transcript that cannot be read: one line for the operator. */
    public static final class UnreadableException extends RuntimeException {
        public UnreadableException(String message) {
            super(message);
        }
    }

    /** Every record of a transcript file, in order (blank lines skipped); an unreadable file or line is one line for the operator. */
    public static List<JsonNode> records(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (NoSuchFileException e) {
            throw new UnreadableException("transcript not found: " + path);
        } catch (IOException e) {
            throw new UnreadableException("cannot read transcript " + path + ": " + e.getMessage());
        }
        List<JsonNode> out = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank()) continue;
            try {
                out.add(JsonTrees.parse(line));
            } catch (IOException e) {
                throw new UnreadableException(path + ":" + n + ": not a transcript line (malformed JSON)");
            }
        }
        return out;
    }

    public static Transcript read(Path path) {
        String playbook = null;
        String namespace = null;
        Map<String, String> inputs = new LinkedHashMap<>();
        List<Map.Entry<String, JsonNode>> cluster = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> nodes = new ArrayList<>();
        Map<String, String> answers = new LinkedHashMap<>();
        List<StepRecord> steps = new ArrayList<>();
        List<String> diagnoses = new ArrayList<>();
        String outcome = null;
        String conclusion = null;
        String verifies = null;
        for (JsonNode o : records(path)) {
            String type = o.path("type").asText();
            switch (type) {
                case "session" -> {
                    if (playbook == null) {
                        playbook = o.path("playbook").asText();
                        namespace = o.path("namespace").isTextual() ? o.path("namespace").asText() : null;
                        o.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().asText()));
                    }
                }
                // what the operator read between steps is on the record, but no step of a replay asks for it
                case "cluster", "node" -> {
                    if (!SessionListener.OPERATOR_STEP.equals(o.path("step").asText())) {
                        if (type.equals("cluster")) cluster.add(Map.entry(o.path("request").path("key").asText(), o.path("answer")));
                        else nodes.add(Map.entry(TranscriptCodec.nodeKeyOf(o.path("command")), o.path("answer")));
                    }
                }
                case "verify" -> verifies = o.path("verifies").asText();
                case "answer" -> answers.put(o.path("question").asText(), o.path("answer").asText());
                case "step" -> steps.add(TranscriptCodec.stepRecord(o));
                case "end" -> {
                    outcome = o.path("outcome").asText();
                    conclusion = o.path("conclusion").isTextual() ? o.path("conclusion").asText() : null;
                    o.path("diagnoses").forEach(d -> diagnoses.add(d.asText()));
                }
                default -> { }
            }
        }
        if (playbook == null && verifies != null) {
            throw new UnreadableException(path + ": the transcript of a verify (of " + verifies + "), not of a session");
        }
        if (playbook == null) throw new UnreadableException(path + ": not a ktriage transcript (no session line)");
        return new Transcript(path, playbook, inputs, cluster, nodes, answers, steps, diagnoses, outcome, namespace, conclusion);
    }
}
