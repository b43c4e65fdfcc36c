package dev.ktriage.lab.ssh;

import dev.ktriage.lab.scenario.CommandSpec;
import dev.ktriage.lab.scenario.NodeSpec;

import java.util.Optional;

/**
 * Decides how one lab node answers a command line, without executing anything. Pure: the SSH
 * server asks it and then sleeps and writes the reply.
 *
 * <p>Order: a simple form whose key or path exists; else the scenario's {@code commands}, first
 * match wins; else the simple form's realistic not-found answer; else exit 127, listed as
 * unanswered so the scenario author sees what is missing.
 */
public final class NodeCommandResponder {

    private static final int TIMED_OUT = 124;

    private final NodeSpec node;
    private final SysctlForms sysctls;
    private final FileForms files;

    public NodeCommandResponder(NodeSpec node) {
        this.node = node;
        this.sysctls = new SysctlForms(node.sysctls());
        this.files = new FileForms(node.files());
    }

    NodeReply answer(String wireLine) {
        ReceivedCommand command;
        try {
            command = ReceivedCommand.parse(wireLine);
        } catch (IllegalArgumentException e) {
            return NodeReply.of("", "sh: 1: Syntax error: " + e.getMessage() + "\n", 2);
        }
        if (command.isEmpty()) return NodeReply.notInScenario();
        NodeReply reply = choose(command);
        return withinTimeout(reply, command);
    }

    private NodeReply choose(ReceivedCommand command) {
        Optional<SimpleAnswer> simple = sysctls.answer(command.argv()).or(() -> files.answer(command.argv()));
        if (simple.isPresent() && simple.get().found()) return simple.get().reply();
        Optional<NodeReply> scripted = scripted(command);
        if (scripted.isPresent()) return scripted.get();
        return simple.map(SimpleAnswer::reply).orElseGet(NodeReply::notInScenario);
    }

    private Optional<NodeReply> scripted(ReceivedCommand command) {
        String line = command.commandLine();
        String plain = command.plainLine();
        for (CommandSpec spec : node.commands()) {
            if (spec.matches(line) || (!plain.equals(line) && spec.matches(plain))) {
                return Optional.of(new NodeReply(orEmpty(spec.stdout()), orEmpty(spec.stderr()), spec.exit(),
                        Math.max(0, spec.delayMs()), false));
            }
        }
        return Optional.empty();
    }

    /** A reply slower than the command's {@code timeout N} ends as coreutils timeout ends it: exit 124 after N s, no output. */
    private static NodeReply withinTimeout(NodeReply reply, ReceivedCommand command) {
        if (command.timeoutSeconds().isEmpty()) return reply;
        long limitMs = command.timeoutSeconds().getAsInt() * 1000L;
        if (reply.delayMs() <= limitMs) return reply;
        return new NodeReply("", "", TIMED_OUT, limitMs, false);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
