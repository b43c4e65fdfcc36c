package dev.ktriage.ui.tui;

import dev.ktriage.engine.Operator;
import dev.ktriage.playbook.Input;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Asks on screen. Called on the engine thread: posts the question to the GUI thread and blocks
 * until the operator answers there. Leaving the session cancels the question; the engine then
 * ends inconclusive, naming it.
 */
final class TuiOperator implements Operator {

    private final GuiQueue gui;

    TuiOperator(GuiQueue gui) {
        this.gui = gui;
    }

    @Override
    public String answer(String id, String text, List<String> choices) {
        return ask(id, text.strip(), choices);
    }

    @Override
    public String provideInput(Input input, List<String> candidates) {
        return ask(input.id(), "Input '" + input.id() + "': " + input.description().strip(), List.of());
    }

    private String ask(String id, String text, List<String> choices) {
        CompletableFuture<String> reply = new CompletableFuture<>();
        gui.post(s -> s.asked(new Question(id, text, choices, reply)));
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
