package dev.ktriage.transcript;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.gateway.NodeSession;
import dev.ktriage.json.JsonTrees;
import java.util.Map;
import java.util.Optional;

/** A node session whose records (debug pods created and deleted) go into a transcript; who is asked is the caller's. */
public final class TranscriptNodeSession implements NodeSession {

    /** Asks the operator a yes/no question: empty when they agreed, else why not. */
    public interface Consent {
        Optional<String> ask(String id, String question);
    }

    private final TranscriptWriter writer;
    private final Consent consent;

    public TranscriptNodeSession(TranscriptWriter writer, Consent consent) {
        this.writer = writer;
        this.consent = consent;
    }

    @Override
    public void record(String type, Map<String, String> fields) {
        ObjectNode o = JsonTrees.object();
        fields.forEach(o::put);
        writer.record(type, o);
    }

    @Override
    public Optional<String> consent(String id, String question) {
        return consent.ask(id, question);
    }
}
