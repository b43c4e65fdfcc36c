package dev.ktriage.gateway.cluster;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resource types that are not in {@link ResourceTypes} (a plugin's CRD), found through the
 * server's discovery documents once and remembered for the life of the gateway.
 */
final class DiscoveredTypes {

    private final KubernetesClient client;
    private final Map<String, Optional<ResourceType>> found = new ConcurrentHashMap<>();

    DiscoveredTypes(KubernetesClient client) {
        this.client = client;
    }

    /** The table first; then discovery in the preferred version of each group (or only {@code group}). */
    Optional<ResourceType> resolve(String plural, String group) {
        Optional<ResourceType> known = ResourceTypes.byPlural(group, plural);
        if (known.isPresent()) return known;
        return found.computeIfAbsent(plural + "." + (group == null ? "*" : group), k -> discover(plural, group));
    }

    private Optional<ResourceType> discover(String plural, String group) {
        List<GroupVersionForDiscovery> versions = new ArrayList<>();
        if (group != null) {
            APIGroup g = client.getApiGroup(group);
            if (g != null && g.getPreferredVersion() != null) versions.add(g.getPreferredVersion());
        } else if (client.getApiGroups() != null) {
            for (APIGroup g : client.getApiGroups().getGroups()) {
                if (g.getPreferredVersion() != null) versions.add(g.getPreferredVersion());
            }
        }
        for (GroupVersionForDiscovery gv : versions) {
            APIResourceList resources = client.getApiResources(gv.getGroupVersion());
            if (resources == null) continue;
            for (APIResource r : resources.getResources()) {
                if (r.getName().equals(plural)) {
                    String g = gv.getGroupVersion().substring(0, gv.getGroupVersion().indexOf('/'));
                    return Optional.of(new ResourceType(plural, g, gv.getVersion(), r.getKind(), Boolean.TRUE.equals(r.getNamespaced())));
                }
            }
        }
        return Optional.empty();
    }
}
