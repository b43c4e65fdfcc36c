package dev.ktriage.gateway.node;

import java.util.Optional;

/** Turns a Kubernetes node name into an SSH address; empty when the node is not known. */
@FunctionalInterface
public interface NodeResolver {

    Optional<NodeAddress> resolve(String node);

    /**
     * Whether commands on this node go through {@code sudo -n}, when the operator's config says so
     * (false: we log in as root already; true: always); empty: as the playbook step says.
     */
    default Optional<Boolean> sudo(String node) {
        return Optional.empty();
    }
}
