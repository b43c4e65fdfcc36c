package dev.ktriage.gateway.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The resource types ktriage knows by name. The lab serves discovery from this table and maps
 * scenario objects to URLs with it; the gateway uses it to find a plural's group and version.
 * Kinds that are not listed still load into the lab: their plural is derived from the kind.
 */
public final class ResourceTypes {

    private static final List<ResourceType> KNOWN = List.of(
            core("pods", "Pod", true),
            core("events", "Event", true),
            core("nodes", "Node", false),
            core("namespaces", "Namespace", false),
            core("services", "Service", true),
            core("endpoints", "Endpoints", true),
            core("configmaps", "ConfigMap", true),
            core("secrets", "Secret", true),
            core("serviceaccounts", "ServiceAccount", true),
            core("persistentvolumes", "PersistentVolume", false),
            core("persistentvolumeclaims", "PersistentVolumeClaim", true),
            new ResourceType("events", "events.k8s.io", "v1", "Event", true),
            new ResourceType("endpointslices", "discovery.k8s.io", "v1", "EndpointSlice", true),
            apps("deployments", "Deployment"),
            apps("daemonsets", "DaemonSet"),
            apps("replicasets", "ReplicaSet"),
            apps("statefulsets", "StatefulSet"),
            new ResourceType("networkpolicies", "networking.k8s.io", "v1", "NetworkPolicy", true),
            rbac("clusterroles", "ClusterRole", false),
            rbac("clusterrolebindings", "ClusterRoleBinding", false),
            rbac("roles", "Role", true),
            rbac("rolebindings", "RoleBinding", true),
            new ResourceType("apiservices", "apiregistration.k8s.io", "v1", "APIService", false),
            new ResourceType("ciliumnetworkpolicies", "cilium.io", "v2", "CiliumNetworkPolicy", true));

    /** Plurals that are not kind + "s" (the lower-cased kind otherwise gets an "s"). */
    private static final Map<String, String> IRREGULAR = Map.of(
            "endpoints", "endpoints",
            "networkpolicy", "networkpolicies",
            "ingress", "ingresses",
            "ingressclass", "ingressclasses",
            "storageclass", "storageclasses",
            "priorityclass", "priorityclasses",
            "runtimeclass", "runtimeclasses",
            "podsecuritypolicy", "podsecuritypolicies",
            "ciliumnetworkpolicy", "ciliumnetworkpolicies",
            "ciliumclusterwidenetworkpolicy", "ciliumclusterwidenetworkpolicies");

    /** Groups every cluster serves; the others (cilium.io ...) exist only where their CRDs are installed. */
    private static final java.util.Set<String> BUILT_IN_GROUPS = java.util.Set.of("", "apps", "events.k8s.io",
            "discovery.k8s.io", "networking.k8s.io", "rbac.authorization.k8s.io", "apiregistration.k8s.io");

    private ResourceTypes() {
    }

    public static boolean isBuiltIn(ResourceType type) {
        return BUILT_IN_GROUPS.contains(type.group());
    }

    public static List<ResourceType> known() {
        return KNOWN;
    }

    /** By plural and group ("" = core); when {@code group} is null, the core group wins, then the first match. */
    public static Optional<ResourceType> byPlural(String group, String plural) {
        ResourceType first = null;
        for (ResourceType t : KNOWN) {
            if (!t.plural().equals(plural)) continue;
            if (group != null ? t.group().equals(group) : t.group().isEmpty()) return Optional.of(t);
            if (first == null) first = t;
        }
        return group == null ? Optional.ofNullable(first) : Optional.empty();
    }

    /**
     * The type of an object from its apiVersion and kind. Unknown kinds get a derived plural and are
     * taken as namespaced when the object has a namespace.
     */
    public static ResourceType forObject(String apiVersion, String kind, boolean hasNamespace) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        for (ResourceType t : KNOWN) {
            if (t.group().equals(group) && t.version().equals(version) && t.kind().equals(kind)) return t;
        }
        for (ResourceType t : KNOWN) {
            // Same kind in another version of the group (apps/v1beta2 ...): keep the table's scope.
            if (t.group().equals(group) && t.kind().equals(kind)) {
                return new ResourceType(t.plural(), group, version, kind, t.namespaced());
            }
        }
        return new ResourceType(pluralOf(kind), group, version, kind, hasNamespace);
    }

    public static String pluralOf(String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        String irregular = IRREGULAR.get(lower);
        if (irregular != null) return irregular;
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("ch") || lower.endsWith("sh")) return lower + "es";
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return lower.substring(0, lower.length() - 1) + "ies";
        }
        return lower + "s";
    }

    /** Known types plus any extra (scenario-only) types, without duplicates, in table order. */
    public static List<ResourceType> with(List<ResourceType> extra) {
        Map<String, ResourceType> all = new LinkedHashMap<>();
        for (ResourceType t : KNOWN) all.put(t.apiVersion() + "/" + t.plural(), t);
        for (ResourceType t : extra) all.putIfAbsent(t.apiVersion() + "/" + t.plural(), t);
        return new ArrayList<>(all.values());
    }

    private static ResourceType core(String plural, String kind, boolean namespaced) {
        return new ResourceType(plural, "", "v1", kind, namespaced);
    }

    private static ResourceType apps(String plural, String kind) {
        return new ResourceType(plural, "apps", "v1", kind, true);
    }

    private static ResourceType rbac(String plural, String kind, boolean namespaced) {
        return new ResourceType(plural, "rbac.authorization.k8s.io", "v1", kind, namespaced);
    }
}
