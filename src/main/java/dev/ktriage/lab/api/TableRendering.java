package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.gateway.cluster.ResourceType;
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
        String age = HumanAge.since(o.at("/metadata/creationTimestamp").asText(null), now);
        switch (plural) {
            case "pods" -> {
                int ready = 0;
                int restarts = 0;
                for (JsonNode s : o.at("/status/containerStatuses")) {
                    if (s.path("ready").asBoolean()) ready++;
                    restarts += s.path("restartCount").asInt();
                }
                c.add(o.at("/metadata/name").asText()).add(ready + "/" + o.at("/spec/containers").size())
                        .add(podStatus(o)).add(Integer.toString(restarts)).add(age)
                        .add(o.at("/status/podIP").asText("<none>")).add(o.at("/spec/nodeName").asText("<none>"));
            }
            case "events" -> {
                String last = firstText(o, "/lastTimestamp", "/eventTime", "/metadata/creationTimestamp");
                c.add(HumanAge.since(last, now)).add(o.path("type").asText()).add(o.path("reason").asText())
                        .add(o.at("/involvedObject/kind").asText().toLowerCase(Locale.ROOT) + "/" + o.at("/involvedObject/name").asText())
                        .add(o.path("message").asText());
            }
            default -> c.add(o.at("/metadata/name").asText()).add(nodeStatus(o)).add(roles(o)).add(age)
                    .add(o.at("/status/nodeInfo/kubeletVersion").asText(""));
        }
        return c;
    }

    /** A simplified form of kubectl's pod status: a waiting or terminated reason wins over the phase. */
    private static String podStatus(JsonNode pod) {
        if (pod.at("/metadata/deletionTimestamp").isTextual()) return "Terminating";
        String status = pod.at("/status/reason").asText(pod.at("/status/phase").asText("Unknown"));
        for (JsonNode s : pod.at("/status/containerStatuses")) {
            String waiting = s.at("/state/waiting/reason").asText("");
            String terminated = s.at("/state/terminated/reason").asText("");
            if (!waiting.isEmpty()) status = waiting;
            else if (!terminated.isEmpty()) status = terminated;
        }
        return status;
    }

    private static String nodeStatus(JsonNode node) {
        String status = "Unknown";
        for (JsonNode c : node.at("/status/conditions")) {
            if (c.path("type").asText().equals("Ready")) status = c.path("status").asText().equals("True") ? "Ready" : "NotReady";
        }
        return node.at("/spec/unschedulable").asBoolean() ? status + ",SchedulingDisabled" : status;
    }

    private static String roles(JsonNode node) {
        List<String> roles = new ArrayList<>();
        node.at("/metadata/labels").fieldNames().forEachRemaining(l -> {
            if (l.startsWith("node-role.kubernetes.io/")) roles.add(l.substring("node-role.kubernetes.io/".length()));
        });
        return roles.isEmpty() ? "<none>" : String.join(",", roles);
    }

    private static String firstText(JsonNode o, String... pointers) {
        for (String p : pointers) if (o.at(p).isTextual() && !o.at(p).asText().isEmpty()) return o.at(p).asText();
        return null;
    }
}
