package dev.ktriage.verify;

import dev.ktriage.engine.SessionListener;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.gateway.NodeSession;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.transcript.Transcript;
import dev.ktriage.transcript.TranscriptNodeSession;
import dev.ktriage.transcript.TranscriptWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code ktriage verify}: the first session replayed for its values, then rounds of live
 * re-reads, each written to a new transcript linked to the first. A regression is a round whose
 * fault is back (not fixed, partly fixed, not durable) after a round that was fixed.
 */
public final class VerifySession implements AutoCloseable {

    private static final Set<Verdict> BROKEN = EnumSet.of(Verdict.NOT_FIXED, Verdict.PARTLY_FIXED, Verdict.NOT_DURABLE);

    private final TranscriptWriter writer;
    private final Verifier verifier;
    private final FirstSession first;
    private int rounds;
    private Round last;
    private boolean everFixed;
    private boolean regressed;
    private boolean comeBack;
    private boolean ended;
    /** The node gateway's session (debug pods): ended before the end record, so their deletion is in the transcript. */
    private final NodeSession.End nodes;

    private VerifySession(TranscriptWriter writer, Verifier verifier, FirstSession first, NodeSession.End nodes) {
        this.writer = writer;
        this.verifier = verifier;
        this.first = first;
        this.nodes = nodes;
    }

    /**
     * @throws FirstSession.NotVerifiable     when the session has no diagnosis or no longer replays
     * @throws Transcript.UnreadableException when the first transcript cannot be read
     */
    public static VerifySession start(PlaybookCatalog catalog, Path firstTranscript, ClusterGateway cluster, NodeGateway nodes,
                                      Path out, String version, String context) {
        FirstSession first = FirstSession.replay(Transcript.read(firstTranscript), catalog);
        return start(catalog, first, cluster, nodes, null, new TranscriptWriter(out, Clock.systemUTC(), version, context), version);
    }

    static VerifySession start(PlaybookCatalog catalog, FirstSession first, ClusterGateway cluster, NodeGateway nodes,
                               SessionListener also, TranscriptWriter writer, String version) {
        VerifyTranscript.header(writer, first.transcript(), version);
        SessionListener listener = also == null ? writer : SessionListener.all(writer, also);
        NodeSession.End end = nodes == null ? () -> { } : nodes.begin(new TranscriptNodeSession(writer,
                (id, question) -> Optional.of("nobody can agree to it in verify: --node-access debug-pod or --allow-debug-pods allows it")));
        return new VerifySession(writer, new Verifier(catalog, first, cluster, nodes, listener, Clock.systemUTC()), first, end);
    }

    public FirstSession first() {
        return first;
    }

    public Path transcript() {
        return writer.path();
    }

    /** Re-reads every check once and records the round. */
    public Round round() {
        Round r = verifier.round(++rounds);
        VerifyTranscript.round(writer, r);
        comeBack = everFixed && BROKEN.contains(r.verdict()) && (last == null || !BROKEN.contains(last.verdict()));
        if (comeBack) regressed = true;
        if (r.verdict() == Verdict.FIXED) everFixed = true;
        last = r;
        return r;
    }

    /** True when the last round found the fault back after a round that was fixed: the moment a watch reports. */
    public boolean cameBack() {
        return comeBack;
    }

    public boolean regressed() {
        return regressed;
    }

    /** The exit code: the fault came back during a watch, else the last round's verdict. */
    public int exitCode() {
        if (regressed) return Verdict.NOT_FIXED.exitCode();
        return last == null ? 1 : last.verdict().exitCode();
    }

    /** Writes the end record: the last round's verdict, or {@code interrupted}/{@code error} with the reason. */
    public void end(String outcome, String reason) {
        if (ended) return;
        ended = true;
        nodes.close();
        VerifyTranscript.end(writer, outcome != null ? outcome : last == null ? "error" : last.verdict().wireName(), regressed, reason);
    }

    @Override
    public void close() {
        try {
            end(null, last == null ? "no round was made" : null);
        } finally {
            try {
                nodes.close();
            } finally {
                writer.close();
            }
        }
    }
}
