package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.gateway.NodeGateway;
import java.util.List;

/** Nodes this session may not reach the way they are configured (debug pods in a read-only session): every command is refused, saying why. */
public final class RefusingNodeGateway implements NodeGateway {

    private final String reason;

    public RefusingNodeGateway(String reason) {
        this.reason = reason;
    }

    @Override
    public NodeAnswer run(NodeCommand command) {
        return NodeAnswer.failed(GatherStatus.REFUSED, "node " + command.node() + ": not run: " + reason, 0);
    }

    @Override
    public List<NodeAnswer> runAll(List<NodeCommand> commands) {
        return commands.stream().map(this::run).toList();
    }

    @Override
    public void close() {
        // nothing was opened
    }
}
