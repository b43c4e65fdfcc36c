package dev.ktriage.gateway;

import java.util.List;
import java.util.function.Consumer;

/**
 * The only way the engine runs commands on nodes. Implementations: sshj against real nodes or the
 * embedded lab, and replay from a transcript. Never throws for a failed call.
 */
public interface NodeGateway extends AutoCloseable {

    NodeAnswer run(NodeCommand command);

    /** Runs the same kind of command on many nodes concurrently, with a bound; answers in input order. */
    List<NodeAnswer> runAll(List<NodeCommand> commands);

    /**
     * As {@link #runAll(List)}, telling {@code answered} of each answer as it arrives (on any
     * thread), so a screen can show how many of many nodes have answered. Gateways that cannot tell
     * earlier tell at the end.
     */
    default List<NodeAnswer> runAll(List<NodeCommand> commands, Consumer<NodeAnswer> answered) {
        List<NodeAnswer> answers = runAll(commands);
        answers.forEach(answered);
        return answers;
    }

    /** The command as the operator would run it by hand: {@code ssh NODE COMMAND}, or what the gateway really asks. */
    default String shown(NodeCommand command) {
        return "ssh " + command.node() + " " + command.commandLine();
    }

    /** What this gateway asks of the API server to run a node's command (checked before a session); none over SSH. */
    default List<AccessCheck> accessNeeds() {
        return List.of();
    }

    /**
     * A session starts using this gateway; what it returns is closed when the session ends, on
     * success, error or Ctrl-C alike. Gateways that set nothing up per session need not care.
     */
    default NodeSession.End begin(NodeSession session) {
        return () -> { };
    }

    @Override
    void close();
}
