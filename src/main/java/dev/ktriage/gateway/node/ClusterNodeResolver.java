package dev.ktriage.gateway.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.ClusterRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a live node's SSH address from its Node object: InternalIP, then ExternalIP, then Hostname
 * (port 22, the given user). Each node is looked up once per session.
 */
public final class ClusterNodeResolver implements NodeResolver {

    private static final List<String> PREFERENCE = List.of("InternalIP", "ExternalIP", "Hostname");

    private final ClusterGateway cluster;
    private final String user;
    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

    public ClusterNodeResolver(ClusterGateway cluster, String user) {
        this.cluster = cluster;
        this.user = user;
    }

    @Override
    public Optional<NodeAddress> resolve(String node) {
        return statusAddress(node).map(host -> new NodeAddress(host, 22, user));
    }

    /** The address the Node object reports, before any ssh config is applied. */
    public Optional<String> statusAddress(String node) {
        return cache.computeIfAbsent(node, this::lookup);
    }

    private Optional<String> lookup(String node) {
        ClusterAnswer a = cluster.query(new ClusterRequest.Get("nodes", null, node));
        if (a.status().isFailure() || a.body() == null) return Optional.empty();
        return address(a.body());
    }

    static Optional<String> address(JsonNode nodeObject) {
        JsonNode addresses = nodeObject.path("status").path("addresses");
        for (String type : PREFERENCE) {
            for (JsonNode a : addresses) {
                if (type.equals(a.path("type").asText()) && !a.path("address").asText().isBlank()) {
                    return Optional.of(a.path("address").asText());
                }
            }
        }
        return Optional.empty();
    }
}
