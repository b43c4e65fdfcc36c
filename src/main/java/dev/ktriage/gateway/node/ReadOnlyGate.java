package dev.ktriage.gateway.node;

import dev.ktriage.allowlist.AllowList;
import dev.ktriage.allowlist.CheckedCommand;
import dev.ktriage.allowlist.CommandRefused;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.redact.Redactor;
import java.util.List;
import java.util.function.Function;

/**
 * The last gate before a node command leaves ktriage, whatever carries it (SSH, a debug pod's
 * exec): the command must pass the read-only allow-list again, whoever built it, and its answer is
 * read as the allow-list says (a kubeconfig keeps no keys) and redacted here, so nothing
 * downstream — screen, report, extractor — sees a secret.
 */
public final class ReadOnlyGate {

    private static final Redactor REDACTOR = new Redactor();

    private final Function<List<String>, CheckedCommand> check;

    public ReadOnlyGate() {
        this(AllowList::checkArgv);
    }

    /** With another check than the allow-list: for transport tests only, which need commands no playbook may run. */
    public ReadOnlyGate(Function<List<String>, CheckedCommand> check) {
        this.check = check;
    }

    /** Sends {@code asked} with {@code send} only if the allow-list takes it; the answer comes back read and redacted. */
    public NodeAnswer run(NodeCommand asked, Function<NodeCommand, NodeAnswer> send) {
        CheckedCommand checked;
        try {
            checked = check.apply(asked.argv());
        } catch (CommandRefused e) {
            return NodeAnswer.failed(GatherStatus.REFUSED, "node " + asked.node() + ": not sent: " + e.getMessage(), 0);
        }
        NodeAnswer answer = send.apply(asked);
        if (answer.status().isFailure()) return answer;
        String stdout;
        try {
            stdout = checked.read(answer.stdout());
        } catch (IllegalArgumentException e) {
            return NodeAnswer.failed(GatherStatus.ERROR, "node " + asked.node() + ": `" + asked.commandLine() + "`: " + e.getMessage(), answer.millis());
        }
        return new NodeAnswer(answer.status(), answer.exitCode(), REDACTOR.text(stdout), REDACTOR.text(answer.stderr()), answer.reason(), answer.millis());
    }
}
