package dev.ktriage.gateway;

import java.util.List;

/**
 * The only way the engine runs commands on nodes. Implementations: sshj against real nodes or the
 * embedded lab, and replay from a transcript. Never throws for a failed call.
 */
public interface NodeGateway extends AutoCloseable {

    NodeAnswer run(NodeCommand command);

    /** Runs the same kind of command on many nodes concurrently, with a bound; answers in input order. */
    List<NodeAnswer> runAll(List<NodeCommand> commands);

    @Override
    void close();
}
