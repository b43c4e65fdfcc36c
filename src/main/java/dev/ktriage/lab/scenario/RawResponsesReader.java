package dev.ktriage.lab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** raw.yaml: a list of {path, status, body} for non-resource API paths. */
final class RawResponsesReader {

    private static final List<String> KEYS = List.of("path", "status", "body");

    private RawResponsesReader() {
    }

    static List<RawResponse> read(Path file) {
        YamlDocument doc = YamlDocument.readOne(file);
        if (doc.root().isObject() && doc.root().isEmpty()) return List.of();
        ArrayNode entries = doc.list("", doc.root());
        List<RawResponse> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "/" + i;
            ObjectNode e = doc.mapping(at, entries.get(i), KEYS);
            if (!e.has("path")) throw doc.error(at, "raw response without 'path'");
            String path = doc.string(at + "/path", e.get("path"));
            if (!path.startsWith("/")) throw doc.error(at + "/path", "'path' must start with '/': " + path);
            int status = e.has("status") ? (int) doc.integer(at + "/status", e.get("status")) : 200;
            if (status < 100 || status > 599) throw doc.error(at + "/status", "'status' must be an HTTP status code, not " + status);
            JsonNode body = e.has("body") && !e.get("body").isNull() ? e.get("body") : TextNode.valueOf("");
            out.add(new RawResponse(path, status, body));
        }
        return out;
    }
}
