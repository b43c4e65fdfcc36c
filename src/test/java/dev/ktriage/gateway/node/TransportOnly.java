package dev.ktriage.gateway.node;

import dev.ktriage.allowlist.CheckedCommand;
import java.util.List;
import java.util.function.Function;

/**
 * For tests of the SSH transport itself (bounds, timeouts, sudo on the wire, fan-out): a gate that
 * lets any command through, so that they can use {@code sleep} or a shell that ignores SIGTERM.
 * The allow-list, which no playbook or operator gets past, has its own tests.
 */
final class TransportOnly {

    static final Function<List<String>, CheckedCommand> ANY_COMMAND = argv -> new CheckedCommand(argv, CheckedCommand.Output.TEXT);

    private TransportOnly() {
    }

    static SshNodeGateway gateway(SshSettings settings, NodeResolver resolver) {
        return new SshNodeGateway(settings, resolver, ANY_COMMAND);
    }
}
