package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.gateway.cluster.ResourceType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GET of one object and LIST with field/label selectors and paging, as the real server answers them. */
final class ObjectReads {

    /** Lists carry one resourceVersion: nothing changes in a lab, so a constant is truthful. */
    static final String RESOURCE_VERSION = "1";

    private final ObjectStore store;

    ObjectReads(ObjectStore store) {
        this.store = store;
    }

    /** Empty when the path names no resource type the lab knows. */
    Optional<LabResponse> answer(ApiPath path, Map<String, String> query, boolean asTable) {
        Optional<ResourceType> type = store.type(path.group(), path.plural())
                .filter(t -> t.version().equals(path.version()));
        if (type.isEmpty()) return Optional.empty();
        ResourceType t = type.get();
        // As on the real server: a cluster-scoped type has no namespaced URL, and a namespaced
        // object is only addressed inside its namespace (/api/v1/pods/NAME does not exist).
        if (t.namespaced() ? path.namespace() == null && !path.isCollection() : path.namespace() != null) {
            return Optional.of(LabResponse.status(StatusBodies.pathNotFound()));
        }
        LabResponse answer = path.isCollection() ? list(t, path.namespace(), query)
                : store.get(t, path.namespace(), path.name())
                        .map(o -> LabResponse.json(200, o))
                        .orElseGet(() -> LabResponse.status(StatusBodies.notFound(t.group(), t.plural(), path.name())));
        if (asTable && answer.status() == 200) {
            answer = TableRendering.render(t, answer.json(), Instant.now()).map(table -> LabResponse.json(200, table)).orElse(answer);
        }
        return Optional.of(answer);
    }

    Optional<ObjectNode> pod(String namespace, String name) {
        return store.type("", "pods").flatMap(t -> store.get(t, namespace, name));
    }

    private LabResponse list(ResourceType type, String namespace, Map<String, String> query) {
        FieldSelector fields;
        LabelSelector labels;
        ListPager.Page page;
        try {
            fields = FieldSelector.parse(query.get("fieldSelector"));
            labels = LabelSelector.parse(query.get("labelSelector"));
            List<ObjectNode> matching = store.list(type, namespace).stream()
                    .filter(o -> fields.matches(o) && labels.matches(o)).toList();
            page = ListPager.page(matching, limit(query.get("limit")), query.get("continue"));
        } catch (IllegalArgumentException e) {
            return LabResponse.status(StatusBodies.badRequest(e.getMessage()));
        }
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("kind", type.kind() + "List").put("apiVersion", type.apiVersion());
        ObjectNode meta = list.putObject("metadata").put("resourceVersion", RESOURCE_VERSION);
        if (page.continueToken() != null) meta.put("continue", page.continueToken());
        if (page.remainingItemCount() != null) meta.put("remainingItemCount", page.remainingItemCount());
        ArrayNode items = list.putArray("items");
        // Items of a real list carry no kind/apiVersion of their own; clients must not depend on them.
        for (ObjectNode item : page.items()) {
            ObjectNode copy = item.deepCopy();
            copy.remove("kind");
            copy.remove("apiVersion");
            items.add(copy);
        }
        return LabResponse.json(200, list);
    }

    private static Integer limit(String value) {
        if (value == null || value.isEmpty()) return null;
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid limit: " + value);
        }
    }
}
