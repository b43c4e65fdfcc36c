package dev.ktriage.cli;

import dev.ktriage.engine.Operator;
import dev.ktriage.engine.SessionEngine;
import dev.ktriage.engine.SessionInfo;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.gateway.NodeSession;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.transcript.TranscriptNodeSession;
import dev.ktriage.transcript.TranscriptWriter;
import dev.ktriage.ui.SessionLauncher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place a session is wired: engine, the target's gateways, a transcript written as it runs.
 * run, demo, the TUI and the REPL differ only in who answers and who listens.
 */
final class SessionRunner implements SessionLauncher {

    private final PlaybookCatalog catalog;
    private final Target target;
    private final String namespace;
    private final Function<String, Path> transcriptFor;
    private final String context;

    /**
     * @param namespace     for inputs given without one; null: the cluster connection's (kubeconfig context), else "default"
     * @param transcriptFor where the transcript of a session of this playbook goes
     */
    SessionRunner(PlaybookCatalog catalog, Target target, String namespace, Function<String, Path> transcriptFor) {
        this(catalog, target, namespace, transcriptFor, null);
    }

    /** @param context recorded in each transcript's session line (a fleet's member, an explicit --context); null: none */
    SessionRunner(PlaybookCatalog catalog, Target target, String namespace, Function<String, Path> transcriptFor, String context) {
        this.context = context;
        this.catalog = catalog;
        this.target = target;
        String connection = target.cluster().namespace();
        this.namespace = namespace != null ? namespace : connection != null ? connection : "default";
        this.transcriptFor = transcriptFor;
    }

    /** What a node gateway must ask goes to the session's operator; a batch run has nobody to ask. */
    private static Optional<String> ask(Operator operator, String id, String question) {
        try {
            String answer = operator.answer(id, question, List.of("yes", "no"));
            return "yes".equalsIgnoreCase(answer.strip()) ? Optional.empty() : Optional.of("the operator declined");
        } catch (Operator.NoAnswerException e) {
            return Optional.of("nobody can agree to it in a batch run: --node-access debug-pod or --allow-debug-pods allows it");
        }
    }

    private static NodeSession.End once(NodeSession.End end) {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) end.close();
        };
    }

    /** The context part of a connection's description ("prod-eu/kube-system" gives "prod-eu"): the namespace is said on its own. */
    static String context(String described) {
        int slash = described.indexOf('/');
        return slash < 0 ? described : described.substring(0, slash);
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public List<dev.ktriage.gateway.AccessCheck> nodeStepNeeds() {
        return target.nodes().accessNeeds();
    }

    @Override
    public FinishedSession run(String playbook, Map<String, String> inputs, Operator operator, SessionListener listener) {
        catalog.require(playbook);
        Path path = transcriptFor.apply(playbook);
        Instant started = Instant.now();
        // the writer closes first: a Ctrl-C waits for the transcript's end record, not just for the engine
        try (StopOnSignal signals = new StopOnSignal(operator);
             TranscriptWriter writer = new TranscriptWriter(path, Clock.systemUTC(), Version.current(), context);
             // closed before the writer: the debug pods' deletion is in the transcript
             NodeSession.End nodes = once(target.nodes().begin(new TranscriptNodeSession(writer, (id, q) -> ask(signals, id, q))))) {
            // the session's end deletes its debug pods before the transcript's end record; a session
            // that fails on the way leaves it to the try's close
            SessionListener endNodes = new SessionListener() {
                @Override
                public void sessionEnded(SessionResult result) {
                    nodes.close();
                }
            };
            SessionListener all = listener == null ? SessionListener.all(endNodes, writer) : SessionListener.all(endNodes, writer, listener);
            all.recordingTo(writer);
            SessionResult result = new SessionEngine(catalog, target.cluster(), target.nodes(), signals, all, namespace)
                    .run(playbook, inputs);
            return new FinishedSession(result, path,
                    new SessionInfo(started, context(target.cluster().describe()), namespace, inputs, Version.current()));
        }
    }
}
