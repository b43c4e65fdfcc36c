package dev.ktriage.lab;

import dev.ktriage.gateway.node.NodeAddress;
import dev.ktriage.gateway.node.NodeResolver;
import dev.ktriage.lab.ssh.LabSshServer;

import java.util.Optional;
import java.util.Set;

/** The embedded lab's addressing: every node on the lab's one port, the node name as user. */
public record LabNodeResolver(int port, Set<String> nodes) implements NodeResolver {

    public LabNodeResolver {
        nodes = Set.copyOf(nodes);
    }

    public static LabNodeResolver of(LabSshServer lab) {
        return new LabNodeResolver(lab.port(), Set.copyOf(lab.nodes()));
    }

    @Override
    public Optional<NodeAddress> resolve(String node) {
        return nodes.contains(node) ? Optional.of(new NodeAddress("127.0.0.1", port, node)) : Optional.empty();
    }
}
