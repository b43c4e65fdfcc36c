package dev.ktriage.ui.tui;

import dev.ktriage.ui.AskingOperator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Asks on screen: the question goes to the GUI thread, which completes the reply when the operator answers. */
final class TuiOperator extends AskingOperator {

    private final GuiQueue gui;

    TuiOperator(GuiQueue gui) {
        this.gui = gui;
    }

    @Override
    protected void show(String id, String text, List<String> choices, CompletableFuture<String> reply) {
        gui.post(s -> s.asked(new Question(id, text, choices, reply)));
    }
}
