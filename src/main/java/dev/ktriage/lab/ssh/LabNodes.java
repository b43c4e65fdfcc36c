package dev.ktriage.lab.ssh;

import dev.ktriage.lab.scenario.NodeSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lab's nodes by name, and a record of what was asked of them: how many commands, and which
 * ones the scenario could not answer, so scenario authors see what is missing.
 */
final class LabNodes {

    private final Map<String, NodeSpec> specs;
    private final Map<String, NodeCommandResponder> responders = new java.util.concurrent.ConcurrentHashMap<>();
    private final LinkedHashSet<String> unanswered = new LinkedHashSet<>();
    private final AtomicInteger commandCount = new AtomicInteger();

    LabNodes(Map<String, NodeSpec> nodes) {
        this.specs = new TreeMap<>(nodes);
        specs.forEach((name, spec) -> responders.put(name, new NodeCommandResponder(spec)));
    }

    /** The node answers as {@code now} from the next command on: a fix applied, or a regression, while a session runs. */
    void change(String node, NodeSpec now) {
        if (!responders.containsKey(node)) throw new IllegalArgumentException("no node '" + node + "' in this lab");
        responders.put(node, new NodeCommandResponder(now));
    }

    Map<String, NodeSpec> specs() {
        return specs;
    }

    NodeReply answer(String node, String line) {
        commandCount.incrementAndGet();
        NodeCommandResponder responder = responders.get(node);
        if (responder == null) return NodeReply.notInScenario();
        NodeReply reply = responder.answer(line);
        if (reply.unanswered()) {
            synchronized (unanswered) {
                unanswered.add(node + ": " + ReceivedCommand.parse(line).commandLine());
            }
        }
        return reply;
    }

    List<String> unanswered() {
        synchronized (unanswered) {
            return new ArrayList<>(unanswered);
        }
    }

    int commandCount() {
        return commandCount.get();
    }
}
