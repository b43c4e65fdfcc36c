package dev.ktriage.gateway.cluster;

/**
 * One API resource: its plural as it appears in URLs, and where it lives.
 *
 * @param group "" for the core group
 */
public record ResourceType(String plural, String group, String version, String kind, boolean namespaced) {

    /** apiVersion as written in objects: "v1" for core, "apps/v1" otherwise. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The URL prefix of this resource's group version: /api/v1 or /apis/GROUP/VERSION. */
    public String groupVersionPath() {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    /** The collection URL, across namespaces when {@code namespace} is null. */
    public String collectionPath(String namespace) {
        return groupVersionPath() + (namespaced && namespace != null ? "/namespaces/" + namespace : "") + "/" + plural;
    }

    public String singular() {
        return kind.toLowerCase(java.util.Locale.ROOT);
    }
}
