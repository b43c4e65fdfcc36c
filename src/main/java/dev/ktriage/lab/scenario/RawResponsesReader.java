package dev.ktriage.lab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** raw.yaml: a list of {path, status, body, delayMs} for non-resource API paths. */
final class RawResponsesReader {

    private static final List<String> KEYS = List.of("path", "status", "body", "delayMs");

    private RawResponsesReader() {
    }

    static List<RawResponse> read(Path file) {
        ScenarioValue doc = ScenarioValue.document(file);
        if (doc.isEmptyMapping()) return List.of();
        List<RawResponse> out = new ArrayList<>();
        for (ScenarioValue item : doc.list()) {
            ScenarioValue e = item.mapping(KEYS);
            if (!e.has("path")) throw e.error("raw response without 'path'");
            ScenarioValue pathValue = e.get("path");
            String path = pathValue.string();
            if (!path.startsWith("/")) throw pathValue.error("'path' must start with '/': " + path);
            int status = e.has("status") ? (int) e.get("status").integer() : 200;
            if (status < 100 || status > 599) throw e.get("status").error("'status' must be an HTTP status code, not " + status);
            JsonNode body = e.hasValue("body") ? e.get("body").json() : TextNode.valueOf("");
            long delayMs = e.hasValue("delayMs") ? Math.max(0, e.get("delayMs").integer()) : 0;
            // what comes late is the body: an answer without one would come at once
            if (delayMs > 0 && body.isTextual() && body.textValue().isEmpty()) throw e.get("delayMs").error("'delayMs' needs a 'body'");
            out.add(new RawResponse(path, status, body, delayMs));
        }
        return out;
    }
}
