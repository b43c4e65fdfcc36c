package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** What every node gateway's fan-out shares: progress that cannot lose an answer, and answers collected in the commands' order. */
public final class FanOut {

    private FanOut() {
    }

    /** Progress is for a screen: whatever the listener does, the answer is kept. */
    public static NodeAnswer told(Consumer<NodeAnswer> answered, NodeAnswer answer) {
        try {
            answered.accept(answer);
        } catch (RuntimeException e) {
            // a progress display that failed does not lose the node's answer
        }
        return answer;
    }

    /** The answers in the commands' order; interrupted, each command still pending is cancelled and says so. */
    public static List<NodeAnswer> collect(List<Future<NodeAnswer>> pending, List<NodeCommand> commands) {
        List<NodeAnswer> answers = new ArrayList<>(commands.size());
        for (int i = 0; i < pending.size(); i++) answers.add(await(pending.get(i), commands.get(i)));
        return answers;
    }

    private static NodeAnswer await(Future<NodeAnswer> pending, NodeCommand command) {
        try {
            // each run is bounded itself; this wait only ends early if we are interrupted
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return NodeAnswer.failed(GatherStatus.ERROR, "node " + command.node() + ": interrupted", 0);
        } catch (ExecutionException e) {
            return NodeAnswer.failed(GatherStatus.ERROR, "node " + command.node() + ": " + e.getCause(), 0);
        }
    }
}
