package dev.ktriage.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.json.JsonTrees;
import dev.ktriage.redact.Redactor;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Appends the session to a JSON-lines file as it happens, one flushed line per event, redacted
 * before it is written: Ctrl-C or a crash loses nothing that already happened.
 */
public final class TranscriptWriter implements SessionListener, AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static final int FORMAT = 1;

    private final Path path;
    private final BufferedWriter out;
    private final Redactor redactor = new Redactor();
    private final Clock clock;
    private final String version;
    private final String context;

    public TranscriptWriter(Path path, Clock clock, String version) {
        this(path, clock, version, null);
    }

    /**
     * @param context the kubeconfig context (or fleet member) the session ran against, recorded in the
     *                session line as {@code context}; null records none (as before)
     */
    public TranscriptWriter(Path path, Clock clock, String version, String context) {
        this.path = path;
        this.context = context;
        this.clock = clock;
        this.version = version;
        try {
            if (path.getParent() != null) Files.createDirectories(path.getParent());
            // A FileOutputStream, not Files.newBufferedWriter: that one writes through an interruptible
            // channel, which Ctrl-C's interrupt of the engine thread would close before the end record.
            this.out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(path.toFile(), false), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write transcript " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void sessionStarted(String playbook, Map<String, String> inputs, String namespace) {
        ObjectNode o = entry("session");
        o.put("format", FORMAT);
        o.put("ktriage", version);
        o.put("playbook", playbook);
        ObjectNode in = o.putObject("inputs");
        inputs.forEach(in::put);
        o.put("namespace", namespace);
        if (context != null) o.put("context", context);
        write(o);
    }

    @Override
    public void stepStarted(String stepId, String title, String explain, String command) {
        ObjectNode o = entry("step-start");
        o.put("step", stepId);
        o.put("title", title);
        if (command != null) o.put("command", command);
        write(o);
    }

    @Override
    public void clusterExchange(String stepId, ClusterRequest request, ClusterAnswer answer) {
        ObjectNode o = entry("cluster");
        o.put("step", stepId);
        o.set("request", TranscriptCodec.request(request));
        o.set("answer", TranscriptCodec.answer(answer));
        write(o);
    }

    @Override
    public void nodeExchange(String stepId, NodeCommand command, NodeAnswer answer) {
        nodeExchange(stepId, command, answer, null);
    }

    /** The node line, with {@code via} (the API read that answered it) when it was not run over SSH. */
    @Override
    public void nodeExchange(String stepId, NodeCommand command, NodeAnswer answer, String via) {
        ObjectNode o = entry("node");
        o.put("step", stepId);
        o.set("command", TranscriptCodec.command(command));
        if (via != null) o.put("via", via);
        o.set("answer", TranscriptCodec.answer(answer));
        write(o);
    }

    @Override
    public void answered(String stepId, String questionId, String answer) {
        ObjectNode o = entry("answer");
        o.put("step", stepId);
        o.put("question", questionId);
        o.put("answer", answer);
        write(o);
    }

    @Override
    public void stepFinished(StepRecord step) {
        ObjectNode o = entry("step");
        o.setAll(TranscriptCodec.step(step));
        write(o);
    }

    @Override
    public void handedOff(String fromPlaybook, String toPlaybook, Map<String, String> inputs) {
        ObjectNode o = entry("handoff");
        o.put("from", fromPlaybook);
        o.put("to", toPlaybook);
        ObjectNode in = o.putObject("inputs");
        inputs.forEach(in::put);
        write(o);
    }

    @Override
    public void diagnosed(Diagnosis diagnosis) {
        ObjectNode o = entry("diagnosis");
        o.setAll(TranscriptCodec.diagnosis(diagnosis));
        write(o);
    }

    @Override
    public void sessionEnded(SessionResult result) {
        ObjectNode o = entry("end");
        o.put("outcome", result.outcome().wireName());
        o.put("conclusion", result.conclusion().wireName());
        var ids = o.putArray("diagnoses");
        result.diagnoses().forEach(d -> ids.add(d.id()));
        if (result.reason() != null) o.put("reason", result.reason());
        write(o);
    }

    /**
     * A line of a record type this writer does not know (a verify's checks and verdicts): the
     * fields after {@code type} and {@code time}, redacted like every other line.
     */
    public void record(String type, ObjectNode fields) {
        ObjectNode o = entry(type);
        o.setAll(fields);
        write(o);
    }

    private ObjectNode entry(String type) {
        ObjectNode o = JsonTrees.object();
        o.put("type", type);
        o.put("time", clock.instant().toString());
        return o;
    }

    private synchronized void write(ObjectNode o) {
        try {
            out.write(MAPPER.writeValueAsString(redactor.json(o)));
            out.newLine();
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write transcript " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
