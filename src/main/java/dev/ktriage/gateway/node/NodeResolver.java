package dev.ktriage.gateway.node;

import java.util.Optional;

/** Turns a Kubernetes node name into an SSH address; empty when the node is not known. */
@FunctionalInterface
public interface NodeResolver {

    Optional<NodeAddress> resolve(String node);
}
