package dev.ktriage.ui;

import dev.ktriage.engine.Operator;
import dev.ktriage.playbook.Input;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An operator who answers on screen: the engine thread shows the question where the person is
 * (the TUI's GUI thread, the REPL's prompt) and blocks until it is answered there. Leaving the
 * session cancels the question; the engine then ends inconclusive, naming it.
 */
public abstract class AskingOperator implements Operator {

    private volatile boolean stop;

    /**
     * The operator asked to stop: the engine starts no further step. A question being asked is the
     * caller's to cancel, a gather running the caller's to interrupt (the gateways answer an
     * interrupted read as a failure).
     */
    public void stop() {
        stop = true;
    }

    @Override
    public boolean stopRequested() {
        return stop;
    }

    /**
     * Shows the question; whoever answers completes {@code reply} (or cancels it). Called on the
     * engine thread, so it must hand the question over, not wait for the answer itself.
     */
    protected abstract void show(String id, String text, List<String> choices, CompletableFuture<String> reply);

    @Override
    public final String answer(String id, String text, List<String> choices) {
        return ask(id, text.strip(), choices);
    }

    @Override
    public final String provideInput(Input input, List<String> candidates) {
        return ask(input.id(), "input '" + input.id() + "': " + input.description().strip(), List.of());
    }

    private String ask(String id, String text, List<String> choices) {
        CompletableFuture<String> reply = new CompletableFuture<>();
        show(id, text, choices, reply);
        try {
            return reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswerException(id, "question '" + id + "' was not answered (interrupted)");
        } catch (CancellationException | ExecutionException e) {
            throw new NoAnswerException(id, "question '" + id + "' was not answered (the operator left it)");
        }
    }
}
