package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.gateway.cluster.ResourceType;
import dev.ktriage.gateway.cluster.ResourceTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scenario's objects by resource type, exactly as the scenario gives them. Reads are served
 * from here rather than from fabric8's CRUD store because that store rewrites uid,
 * creationTimestamp and resourceVersion, and lists core/v1 and events.k8s.io Events together.
 *
 * <p>The only objects that come and go are ktriage's debug pods ({@link DebugPodEndpoint}): each
 * type's list is immutable and replaced whole on a change, so reads on the server's threads never
 * see one half made.
 */
final class ObjectStore {

    /** Real servers list in storage-key order: namespace, then name. Paging relies on this order. */
    static final Comparator<ObjectNode> ORDER = Comparator
            .comparing((ObjectNode o) -> o.path("metadata").path("namespace").asText(""))
            .thenComparing(o -> o.path("metadata").path("name").asText(""));

    private final Map<String, List<ObjectNode>> byType = new ConcurrentHashMap<>();
    private final Map<String, ResourceType> types = new LinkedHashMap<>();

    ObjectStore(List<ObjectNode> objects) {
        // A CRD-backed type (cilium.io ...) is served only when the scenario has objects of it, as on a cluster without the CRD.
        for (ResourceType t : ResourceTypes.known()) if (ResourceTypes.isBuiltIn(t)) types.put(key(t.group(), t.plural()), t);
        Map<String, List<ObjectNode>> loading = new LinkedHashMap<>();
        for (ObjectNode o : objects) {
            ResourceType t = typeOf(o);
            types.putIfAbsent(key(t.group(), t.plural()), t);
            loading.computeIfAbsent(key(t.group(), t.plural()), k -> new ArrayList<>()).add(o);
        }
        loading.forEach((k, list) -> {
            list.sort(ORDER);
            byType.put(k, Collections.unmodifiableList(list));
        });
    }

    /** Adds an object of a type the store serves; callers check first that its name is free. */
    synchronized void add(ObjectNode o) {
        ResourceType t = typeOf(o);
        String k = key(t.group(), t.plural());
        if (!types.containsKey(k)) throw new IllegalArgumentException("the lab does not serve " + k);
        List<ObjectNode> now = new ArrayList<>(byType.getOrDefault(k, List.of()));
        now.add(o);
        now.sort(ORDER);
        byType.put(k, Collections.unmodifiableList(now));
    }

    /** Removes one object; false when there was none of that name. */
    synchronized boolean remove(ResourceType type, String namespace, String name) {
        String k = key(type.group(), type.plural());
        List<ObjectNode> before = byType.getOrDefault(k, List.of());
        List<ObjectNode> now = before.stream().filter(o -> !(name.equals(o.path("metadata").path("name").asText())
                && (namespace == null || namespace.equals(o.path("metadata").path("namespace").asText(null))))).toList();
        byType.put(k, now);
        return now.size() != before.size();
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
