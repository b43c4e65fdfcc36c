package dev.ktriage.plugins.packetdrops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.spi.EvidenceView;
import java.util.List;
import java.util.Map;

/** A node command's stdout and the variables known so far, as ktriage hands them to an extractor. */
record FakeEvidence(String text, Map<String, Object> variables) implements EvidenceView {

    FakeEvidence(String text) {
        this(text, Map.of());
    }

    @Override
    public JsonNode json() {
        return null;
    }

    @Override
    public int code() {
        return 0;
    }

    @Override
    public Object variable(String name) {
        return variables.get(name);
    }

    @Override
    public List<String> lines(String from) {
        if (from == null) return text.lines().toList();
        Object v = variables.get(from);
        return v == null ? List.of() : v.toString().lines().toList();
    }
}
