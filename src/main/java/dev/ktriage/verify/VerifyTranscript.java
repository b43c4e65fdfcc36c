package dev.ktriage.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.json.JsonTrees;
import dev.ktriage.transcript.Transcript;
import dev.ktriage.transcript.TranscriptCodec;
import dev.ktriage.transcript.TranscriptWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A verify's transcript: a {@code verify} line naming the session it checks (path and sha256),
 * the reads as {@code cluster}/{@code node} lines like a session's, one {@code verify-check} line
 * per check and {@code verify-verdict} per diagnosis for each round, and a {@code verify-end} line.
 */
public final class VerifyTranscript {

    public static final String HEADER = "verify";

    private VerifyTranscript() {
    }

    /** What a verify transcript recorded, read back. */
    public record Recorded(Path path, Path verifies, String sha256, Transcript exchanges, List<Round> rounds, String verdict,
                           boolean regressed) {
    }

    static void header(TranscriptWriter w, Transcript first, String version) {
        ObjectNode o = JsonTrees.object();
        o.put("format", TranscriptWriter.FORMAT);
        o.put("ktriage", version);
        o.put("verifies", first.path().toAbsolutePath().normalize().toString());
        o.put("sha256", sha256(first.path()));
        o.put("playbook", first.playbook());
        ArrayNode ids = o.putArray("diagnoses");
        first.diagnoses().forEach(ids::add);
        w.record(HEADER, o);
    }

    static void round(TranscriptWriter w, Round r) {
        for (DiagnosisVerdict d : r.diagnoses()) {
            for (CheckResult c : d.checks()) {
                ObjectNode o = JsonTrees.object();
                o.put("round", r.number());
                o.put("diagnosis", c.diagnosis());
                o.put("kind", c.kind().wireName());
                o.put("step", c.step());
                o.put("state", c.state().wireName());
                o.put("says", c.says());
                if (c.command() != null) o.put("command", c.command());
                w.record("verify-check", o);
            }
            ObjectNode o = JsonTrees.object();
            o.put("round", r.number());
            o.put("diagnosis", d.diagnosis());
            o.put("playbook", d.playbook());
            o.put("verdict", d.verdict().wireName());
            o.put("says", d.says());
            w.record("verify-verdict", o);
        }
    }

    /** @param outcome the last round's verdict, or "interrupted" / "error" */
    static void end(TranscriptWriter w, String outcome, boolean regressed, String reason) {
        ObjectNode o = JsonTrees.object();
        o.put("outcome", outcome);
        o.put("regressed", regressed);
        if (reason != null) o.put("reason", reason);
        w.record("verify-end", o);
    }

    /** True when the file's first record is a verify's header. */
    public static boolean is(Path path) {
        try (var lines = Files.lines(path)) {
            String first = lines.filter(l -> !l.isBlank()).findFirst().orElse("");
            return HEADER.equals(JsonTrees.parse(first).path("type").asText());
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    public static Recorded read(Path path) {
        Path verifies = null;
        String sha = null;
        String playbook = null;
        List<Map.Entry<String, JsonNode>> cluster = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> nodes = new ArrayList<>();
        List<List<CheckResult>> checks = new ArrayList<>();
        List<List<DiagnosisVerdict>> verdicts = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        String verdict = null;
        boolean regressed = false;
        for (JsonNode o : Transcript.records(path)) {
            switch (o.path("type").asText()) {
                case HEADER -> {
                    verifies = Path.of(o.path("verifies").asText());
                    sha = o.path("sha256").asText();
                    playbook = o.path("playbook").asText();
                }
                case "cluster" -> cluster.add(Map.entry(o.path("request").path("key").asText(), o.path("answer")));
                case "node" -> nodes.add(Map.entry(TranscriptCodec.nodeKeyOf(o.path("command")), o.path("answer")));
                case "verify-check" -> {
                    int r = o.path("round").asInt();
                    grow(checks, r);
                    checks.get(r - 1).add(new CheckResult(o.path("diagnosis").asText(), CheckResult.Kind.valueOf(o.path("kind").asText().toUpperCase(java.util.Locale.ROOT)),
                            o.path("step").asText(), CheckResult.State.ofWireName(o.path("state").asText()), o.path("says").asText(),
                            o.path("command").isTextual() ? o.path("command").asText() : null));
                }
                case "verify-verdict" -> {
                    int r = o.path("round").asInt();
                    grow(verdicts, r);
                    while (times.size() < r) times.add(null);
                    times.set(r - 1, Instant.parse(o.path("time").asText()));
                    String id = o.path("diagnosis").asText();
                    List<CheckResult> mine = r <= checks.size() ? checks.get(r - 1).stream().filter(c -> c.diagnosis().equals(id)).toList() : List.of();
                    verdicts.get(r - 1).add(new DiagnosisVerdict(id, o.path("playbook").asText(), Verdict.ofWireName(o.path("verdict").asText()),
                            o.path("says").asText(), mine));
                }
                case "verify-end" -> {
                    verdict = o.path("outcome").asText();
                    regressed = o.path("regressed").asBoolean();
                }
                default -> { }
            }
        }
        if (verifies == null) throw new Transcript.UnreadableException(path + ": not a verify transcript (no verify line)");
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) rounds.add(new Round(i + 1, times.get(i), verdicts.get(i)));
        Transcript exchanges = new Transcript(path, playbook, Map.of(), cluster, nodes, Map.of(), List.of(), List.of(), null, null);
        return new Recorded(path, verifies, sha, exchanges, rounds, verdict, regressed);
    }

    private static <T> void grow(List<List<T>> lists, int round) {
        while (lists.size() < round) lists.add(new ArrayList<>());
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[8192];
            for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new Transcript.UnreadableException("cannot read transcript " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
