package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.gateway.cluster.ResourceType;
import dev.ktriage.json.KubectlColumns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Server-side tables (Accept: ...;as=Table;g=meta.k8s.io) for pods, events and nodes, so that
 * `kubectl get` in the lab prints the columns an operator knows (READY, STATUS, RESTARTS ...).
 * Other kinds are answered as plain lists; kubectl then prints NAME and AGE, as for a CRD.
 */
final class TableRendering {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Column(String name, String type, int priority) {
    }

    private TableRendering() {
    }

    static boolean wanted(String acceptHeader) {
        return acceptHeader != null && acceptHeader.contains("as=Table");
    }

    /** A Table for a list or a single object of a type that has columns; empty otherwise. */
    static Optional<ObjectNode> render(ResourceType type, JsonNode document, Instant now) {
        if (!type.group().isEmpty() || !List.of("pods", "events", "nodes").contains(type.plural())) return Optional.empty();
        List<JsonNode> objects = new ArrayList<>();
        if (document.has("items")) document.path("items").forEach(objects::add);
        else objects.add(document);
        ObjectNode table = NODES.objectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        ObjectNode meta = table.putObject("metadata").put("resourceVersion", ObjectReads.RESOURCE_VERSION);
        if (document.at("/metadata/continue").isTextual()) meta.set("continue", document.at("/metadata/continue"));
        if (document.at("/metadata/remainingItemCount").isNumber()) meta.set("remainingItemCount", document.at("/metadata/remainingItemCount"));
        ArrayNode defs = table.putArray("columnDefinitions");
        for (Column c : columns(type.plural())) {
            defs.addObject().put("name", c.name()).put("type", c.type()).put("format", c.name().equals("Name") ? "name" : "")
                    .put("description", c.name()).put("priority", c.priority());
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode o : objects) {
            ObjectNode row = rows.addObject();
            row.set("cells", cells(type.plural(), o, now));
            ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
            partial.set("metadata", o.path("metadata").deepCopy());
        }
        return Optional.of(table);
    }

    private static List<Column> columns(String plural) {
        return switch (plural) {
            case "pods" -> List.of(new Column("Name", "string", 0), new Column("Ready", "string", 0),
                    new Column("Status", "string", 0), new Column("Restarts", "string", 0), new Column("Age", "string", 0),
                    new Column("IP", "string", 1), new Column("Node", "string", 1));
            case "events" -> List.of(new Column("Last Seen", "string", 0), new Column("Type", "string", 0),
                    new Column("Reason", "string", 0), new Column("Object", "string", 0), new Column("Message", "string", 0));
            default -> List.of(new Column("Name", "string", 0), new Column("Status", "string", 0),
                    new Column("Roles", "string", 0), new Column("Age", "string", 0), new Column("Version", "string", 0));
        };
    }

    private static ArrayNode cells(String plural, JsonNode o, Instant now) {
        ArrayNode c = NODES.arrayNode();
        String age = KubectlColumns.age(o.at("/metadata/creationTimestamp").asText(null), now);
        switch (plural) {
            case "pods" -> c.add(o.at("/metadata/name").asText()).add(KubectlColumns.podReady(o))
                    .add(KubectlColumns.podStatus(o)).add(KubectlColumns.podRestarts(o)).add(age)
                    .add(o.at("/status/podIP").asText("<none>")).add(o.at("/spec/nodeName").asText("<none>"));
            case "events" -> {
                String last = firstText(o, "/lastTimestamp", "/eventTime", "/metadata/creationTimestamp");
                c.add(KubectlColumns.age(last, now)).add(o.path("type").asText()).add(o.path("reason").asText())
                        .add(o.at("/involvedObject/kind").asText().toLowerCase(Locale.ROOT) + "/" + o.at("/involvedObject/name").asText())
                        .add(o.path("message").asText());
            }
            default -> c.add(o.at("/metadata/name").asText()).add(KubectlColumns.nodeStatus(o)).add(KubectlColumns.nodeRoles(o)).add(age)
                    .add(o.at("/status/nodeInfo/kubeletVersion").asText(""));
        }
        return c;
    }

    private static String firstText(JsonNode o, String... pointers) {
        for (String p : pointers) if (o.at(p).isTextual() && !o.at(p).asText().isEmpty()) return o.at(p).asText();
        return null;
    }
}
