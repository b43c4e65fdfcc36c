package dev.ktriage.gateway.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.transcript.Transcript;
import dev.ktriage.transcript.TranscriptCodec;
import java.util.List;

/** Answers node commands from a transcript; no network at all. */
public final class ReplayNodeGateway implements NodeGateway {

    private final RecordedAnswers answers;

    public ReplayNodeGateway(Transcript transcript) {
        this.answers = new RecordedAnswers(transcript.nodes());
    }

    @Override
    public NodeAnswer run(NodeCommand command) {
        String key = TranscriptCodec.nodeKey(command);
        JsonNode a = answers.take(key);
        if (a == null) return NodeAnswer.failed(GatherStatus.ERROR, "not in the transcript: " + key, 0);
        return TranscriptCodec.nodeAnswer(a);
    }

    @Override
    public List<NodeAnswer> runAll(List<NodeCommand> commands) {
        return commands.stream().map(this::run).toList();
    }

    public List<String> misses() {
        return answers.misses();
    }

    @Override
    public void close() {
    }
}
