package dev.ktriage.ui.tui;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the engine waits on: a question with its choices (none for free text). The engine thread
 * blocks on {@link #reply}; the GUI thread completes it when the operator answers.
 */
record Question(String id, String text, List<String> choices, CompletableFuture<String> reply) {

    Question {
        choices = List.copyOf(choices);
    }

    boolean freeText() {
        return choices.isEmpty();
    }
}
