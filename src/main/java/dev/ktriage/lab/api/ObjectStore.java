package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.gateway.cluster.ResourceType;
import dev.ktriage.gateway.cluster.ResourceTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario's objects by resource type, exactly as the scenario gives them. Reads are served
 * from here rather than from fabric8's CRUD store because that store rewrites uid,
 * creationTimestamp and resourceVersion, and lists core/v1 and events.k8s.io Events together.
 */
final class ObjectStore {

    /** Real servers list in storage-key order: namespace, then name. Paging relies on this order. */
    static final Comparator<ObjectNode> ORDER = Comparator
            .comparing((ObjectNode o) -> o.path("metadata").path("namespace").asText(""))
            .thenComparing(o -> o.path("metadata").path("name").asText(""));

    private final Map<String, List<ObjectNode>> byType = new LinkedHashMap<>();
    private final Map<String, ResourceType> types = new LinkedHashMap<>();

    ObjectStore(List<ObjectNode> objects) {
        // A CRD-backed type (cilium.io ...) is served only when the scenario has objects of it, as on a cluster without the CRD.
        for (ResourceType t : ResourceTypes.known()) if (ResourceTypes.isBuiltIn(t)) types.put(key(t.group(), t.plural()), t);
        for (ObjectNode o : objects) {
            ResourceType t = typeOf(o);
            types.putIfAbsent(key(t.group(), t.plural()), t);
            byType.computeIfAbsent(key(t.group(), t.plural()), k -> new ArrayList<>()).add(o);
        }
        byType.values().forEach(list -> list.sort(ORDER));
    }

    static ResourceType typeOf(ObjectNode o) {
        return ResourceTypes.forObject(o.path("apiVersion").asText(), o.path("kind").asText(),
                o.path("metadata").hasNonNull("namespace"));
    }

    /** Every type the server knows: the table plus kinds that only the scenario has. */
    List<ResourceType> types() {
        return List.copyOf(types.values());
    }

    Optional<ResourceType> type(String group, String plural) {
        return Optional.ofNullable(types.get(key(group, plural)));
    }

    /** Objects of a type, in one namespace or (null) all of them, in list order. */
    List<ObjectNode> list(ResourceType type, String namespace) {
        List<ObjectNode> all = byType.getOrDefault(key(type.group(), type.plural()), List.of());
        if (namespace == null || !type.namespaced()) return all;
        return all.stream().filter(o -> namespace.equals(o.path("metadata").path("namespace").asText(null))).toList();
    }

    Optional<ObjectNode> get(ResourceType type, String namespace, String name) {
        return list(type, namespace).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst();
    }

    /** Every object, for loading fabric8's CRUD store. */
    List<ObjectNode> all() {
        return byType.values().stream().flatMap(List::stream).toList();
    }

    private static String key(String group, String plural) {
        return group + "/" + plural;
    }
}
