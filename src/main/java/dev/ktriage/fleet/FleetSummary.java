package dev.ktriage.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.json.JsonTrees;
import dev.ktriage.transcript.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fleet of sessions found, one transcript per context: the contexts grouped by diagnosis id
 * (with the first evidence line of each), then the healthy, could-not-tell and error contexts.
 *
 * <p>Built only from transcripts, so {@code ktriage fleet} (which reads back the transcripts it
 * wrote) and {@code ktriage aggregate} (transcripts made anywhere) print the same summary for the
 * same files. The order never depends on the order the files were given: sessions by context, then
 * transcript path.
 */
public final class FleetSummary {

    /** The exit code when at least one context was diagnosed. */
    public static final int DIAGNOSED_EXIT = 4;
    /** The exit code when nothing was diagnosed and at least one context ended in an error. */
    public static final int ERROR_EXIT = 1;
    /** The version of the JSON fields (docs/scenarios.md, "The fleet summary"). */
    public static final int SCHEMA_VERSION = 1;

    /** A diagnosis one session reached: its id and title, and the first line of its evidence chain ("" when none). */
    public record Found(String id, String title, String evidence) {
    }

    /**
     * One context's session, as its transcript tells it.
     *
     * @param context    the {@code context} of the transcript's session line, else the file name without {@code .jsonl}
     * @param outcome    the end record's outcome; null when the transcript has none (the session never ended)
     * @param conclusion diagnosed, healthy, could-not-tell or error (a transcript without an end record: error)
     * @param reason     why it ended without a diagnosis (the end record's), or why it counts as an error; null when none
     */
    public record Session(String context, String playbook, Map<String, String> inputs, String outcome, String conclusion,
                          List<Found> diagnoses, String reason, Path transcript) {

        public Session {
            inputs = Map.copyOf(inputs);
            diagnoses = List.copyOf(diagnoses);
        }
    }

    private final List<Session> sessions;
    private final List<String> quiet;

    private FleetSummary(List<Session> sessions, List<String> quiet) {
        List<Session> sorted = new ArrayList<>(sessions);
        sorted.sort(Comparator.comparing(Session::context).thenComparing(s -> s.transcript().toString()));
        this.sessions = List.copyOf(sorted);
        this.quiet = quiet.stream().sorted().toList();
    }

    /** The summary of these transcripts. */
    public static FleetSummary of(List<Path> transcripts) {
        return new FleetSummary(transcripts.stream().map(FleetSummary::read).toList(), List.of());
    }

    /**
     * As {@link #of}, with the contexts where {@code fleet triage} found no known symptom, so ran no
     * session and wrote no transcript.
     */
    public static FleetSummary of(List<Path> transcripts, List<String> quiet) {
        return new FleetSummary(transcripts.stream().map(FleetSummary::read).toList(), quiet);
    }

    /** One transcript read back: what {@link Transcript#read} reads, and the session line's context, the diagnosis lines and the end's reason. */
    public static Session read(Path file) {
        Transcript t = Transcript.read(file);
        String context = null;
        String reason = null;
        Map<String, JsonNode> diagnosisLines = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) continue;
                JsonNode o = JsonTrees.parse(line);
                switch (o.path("type").asText()) {
                    case "session" -> {
                        if (context == null && o.path("context").isTextual()) context = o.path("context").asText();
                    }
                    case "diagnosis" -> diagnosisLines.putIfAbsent(o.path("id").asText(), o);
                    case "end" -> reason = o.path("reason").isTextual() ? o.path("reason").asText() : null;
                    default -> { }
                }
            }
        } catch (IOException e) {
            // Transcript.read has just read and parsed every line
            throw new Transcript.UnreadableException("cannot read transcript " + file + ": " + e.getMessage());
        }
        if (context == null || context.isBlank()) context = stem(file);
        List<Found> found = new ArrayList<>();
        for (String id : t.diagnoses()) {
            JsonNode d = diagnosisLines.get(id);
            String title = d == null ? "" : d.path("title").asText();
            String evidence = d == null || d.path("evidence").isEmpty() ? "" : d.path("evidence").get(0).asText();
            found.add(new Found(id, title, evidence));
        }
        String conclusion;
        if (t.outcome() == null) {
            conclusion = "error";
            reason = "the session did not end (the transcript has no end record)";
        } else if (t.conclusion() != null) {
            conclusion = t.conclusion();
        } else {
            conclusion = switch (t.outcome()) {
                case "diagnosed" -> "diagnosed";
                case "error" -> "error";
                default -> "could-not-tell";
            };
        }
        return new Session(context, t.playbook(), t.inputs(), t.outcome(), conclusion, found, reason, file);
    }

    /** {@code prod-eu.jsonl} gives {@code prod-eu}. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
    }

    public List<Session> sessions() {
        return sessions;
    }

    public List<String> quiet() {
        return quiet;
    }

    /** One diagnosis id and the contexts that reached it. */
    public record Group(String id, String title, List<Member> members) {
    }

    /** A context in a {@link Group}: its playbook and the first evidence line of that diagnosis there. */
    public record Member(String context, String playbook, String evidence, Path transcript) {
    }

    /** By diagnosis id: the most contexts first, then by id; a session with two diagnoses is in both groups. */
    public List<Group> groups() {
        Map<String, List<Member>> byId = new TreeMap<>();
        Map<String, String> titles = new TreeMap<>();
        for (Session s : sessions) {
            if (!s.conclusion().equals("diagnosed")) continue;
            for (Found f : s.diagnoses()) {
                byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(new Member(s.context(), s.playbook(), f.evidence(), s.transcript()));
                titles.merge(f.id(), f.title(), (a, b) -> a.isEmpty() ? b : a);
            }
        }
        List<Group> groups = new ArrayList<>();
        byId.forEach((id, members) -> groups.add(new Group(id, titles.get(id), List.copyOf(members))));
        groups.sort(Comparator.comparingInt((Group g) -> -g.members().size()).thenComparing(Group::id));
        return groups;
    }

    public List<Session> with(String conclusion) {
        return sessions.stream().filter(s -> s.conclusion().equals(conclusion)).toList();
    }

    /**
     * For a CI job: {@link #DIAGNOSED_EXIT} when any context was diagnosed, else {@link #ERROR_EXIT} when any
     * ended in an error, else 0 (every context healthy, could-not-tell or quiet).
     */
    public int exitCode() {
        if (!with("diagnosed").isEmpty()) return DIAGNOSED_EXIT;
        if (!with("error").isEmpty()) return ERROR_EXIT;
        return 0;
    }

    private String counts() {
        int n = sessions.size() + quiet.size();
        return n + (n == 1 ? " context: " : " contexts: ") + with("diagnosed").size() + " diagnosed, " + with("healthy").size()
                + " healthy, " + with("could-not-tell").size() + " could not tell, " + with("error").size() + " error"
                + (with("error").size() == 1 ? "" : "s") + (quiet.isEmpty() ? "" : ", " + quiet.size() + " without known symptoms");
    }

    /** The summary for a terminal. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("Fleet: ").append(counts()).append('\n');
        List<Group> groups = groups();
        if (!groups.isEmpty()) {
            b.append("\nDiagnosed:\n");
            for (Group g : groups) {
                b.append("  ").append(g.id()).append(" (").append(g.members().size()).append(g.members().size() == 1 ? " context" : " contexts")
                        .append(")").append(g.title().isEmpty() ? "" : ": " + g.title()).append('\n');
                for (Member m : g.members()) {
                    b.append("    ").append(m.context()).append(m.evidence().isEmpty() ? "" : ": " + m.evidence()).append('\n');
                }
            }
        }
        list(b, "Healthy", with("healthy"));
        list(b, "Could not tell", with("could-not-tell"));
        list(b, "Errors", with("error"));
        if (!quiet.isEmpty()) {
            b.append("\nNo known symptoms (no session run):\n");
            quiet.forEach(q -> b.append("  ").append(q).append('\n'));
        }
        if (!sessions.isEmpty()) {
            b.append("\nTranscripts:\n");
            sessions.forEach(s -> b.append("  ").append(s.context()).append(": ").append(s.transcript()).append('\n'));
        }
        return b.toString();
    }

    private static void list(StringBuilder b, String heading, List<Session> list) {
        if (list.isEmpty()) return;
        b.append('\n').append(heading).append(":\n");
        for (Session s : list) {
            b.append("  ").append(s.context()).append(" (").append(s.playbook()).append(")")
                    .append(s.reason() == null ? "" : ": " + s.reason()).append('\n');
        }
    }

    /** The summary as a Markdown report. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Fleet summary\n\n").append(counts()).append("\n");
        List<Group> groups = groups();
        if (!groups.isEmpty()) {
            b.append("\n## Diagnosed\n");
            for (Group g : groups) {
                b.append("\n### `").append(g.id()).append('`').append(g.title().isEmpty() ? "" : ": " + md(g.title())).append("\n\n");
                b.append("| context | playbook | first evidence |\n|---|---|---|\n");
                for (Member m : g.members()) {
                    b.append("| ").append(md(m.context())).append(" | ").append(md(m.playbook())).append(" | ").append(md(m.evidence())).append(" |\n");
                }
            }
        }
        mdList(b, "Healthy", with("healthy"));
        mdList(b, "Could not tell", with("could-not-tell"));
        mdList(b, "Errors", with("error"));
        if (!quiet.isEmpty()) {
            b.append("\n## No known symptoms\n\n");
            quiet.forEach(q -> b.append("- ").append(md(q)).append('\n'));
        }
        if (!sessions.isEmpty()) {
            b.append("\n## Transcripts\n\n| context | conclusion | transcript |\n|---|---|---|\n");
            sessions.forEach(s -> b.append("| ").append(md(s.context())).append(" | ").append(s.conclusion()).append(" | `")
                    .append(s.transcript().toString().replace("`", "'")).append("` |\n"));
        }
        return b.toString();
    }

    private static void mdList(StringBuilder b, String heading, List<Session> list) {
        if (list.isEmpty()) return;
        b.append("\n## ").append(heading).append("\n\n| context | playbook | reason |\n|---|---|---|\n");
        for (Session s : list) {
            b.append("| ").append(md(s.context())).append(" | ").append(md(s.playbook())).append(" | ")
                    .append(md(s.reason() == null ? "" : s.reason())).append(" |\n");
        }
    }

    /** Text in a Markdown table cell: one line, pipes escaped. */
    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    /** The summary as JSON (fields: docs/scenarios.md, "The fleet summary"). */
    public ObjectNode json() {
        ObjectNode root = JsonTrees.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("contexts", sessions.size() + quiet.size());
        root.put("exitCode", exitCode());
        ArrayNode diagnosed = root.putArray("diagnosed");
        for (Group g : groups()) {
            ObjectNode o = diagnosed.addObject();
            o.put("id", g.id());
            o.put("title", g.title());
            ArrayNode contexts = o.putArray("contexts");
            for (Member m : g.members()) {
                ObjectNode c = contexts.addObject();
                c.put("context", m.context());
                c.put("playbook", m.playbook());
                c.put("evidence", m.evidence());
                c.put("transcript", m.transcript().toString());
            }
        }
        brief(root.putArray("healthy"), with("healthy"));
        brief(root.putArray("couldNotTell"), with("could-not-tell"));
        brief(root.putArray("errors"), with("error"));
        ArrayNode q = root.putArray("quiet");
        quiet.forEach(q::add);
        ArrayNode all = root.putArray("sessions");
        for (Session s : sessions) {
            ObjectNode o = all.addObject();
            o.put("context", s.context());
            o.put("playbook", s.playbook());
            ObjectNode in = o.putObject("inputs");
            new TreeMap<>(s.inputs()).forEach(in::put);
            if (s.outcome() == null) o.putNull("outcome");
            else o.put("outcome", s.outcome());
            o.put("conclusion", s.conclusion());
            ArrayNode ids = o.putArray("diagnoses");
            s.diagnoses().forEach(d -> ids.add(d.id()));
            if (s.reason() == null) o.putNull("reason");
            else o.put("reason", s.reason());
            o.put("transcript", s.transcript().toString());
        }
        return root;
    }

    private static void brief(ArrayNode into, List<Session> list) {
        for (Session s : list) {
            ObjectNode o = into.addObject();
            o.put("context", s.context());
            o.put("playbook", s.playbook());
            if (s.reason() == null) o.putNull("reason");
            else o.put("reason", s.reason());
            o.put("transcript", s.transcript().toString());
        }
    }
}
