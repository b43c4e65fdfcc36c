package dev.ktriage.gateway.replay;

import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.transcript.Transcript;
import dev.ktriage.transcript.TranscriptCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Answers cluster queries from a transcript; no network at all. */
public final class ReplayClusterGateway implements ClusterGateway {

    private final RecordedAnswers answers;

    public ReplayClusterGateway(Transcript transcript) {
        this.answers = new RecordedAnswers(transcript.cluster());
    }

    @Override
    public ClusterAnswer query(ClusterRequest request) {
        JsonNode a = answers.take(request.key());
        if (a == null) return ClusterAnswer.failed(GatherStatus.ERROR, 0, "not in the transcript: " + request.key(), 0);
        return TranscriptCodec.clusterAnswer(a);
    }

    /** Requests the replayed session made that the recorded one did not. */
    public List<String> misses() {
        return answers.misses();
    }

    @Override
    public String describe() {
        return "replay";
    }

    @Override
    public void close() {
    }
}
