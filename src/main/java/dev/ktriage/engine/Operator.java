package dev.ktriage.engine;

import dev.ktriage.playbook.Input;
import java.util.List;

/**
 * The human in the loop. The TUI and the REPL ask on screen; batch mode answers from
 * {@code --set}/{@code --answers} and never waits on stdin.
 */
public interface Operator {

    /**
     * @param id      the question's id (answers files use it)
     * @param text    the question, rendered
     * @param choices allowed answers, empty for free text
     * @throws NoAnswerException when no answer can be had (batch mode without one)
     */
    String answer(String id, String text, List<String> choices);

    /** A required input was not given: ask for it, offering the candidates the cluster suggests. */
    String provideInput(Input input, List<String> candidates);

    /**
     * True once the operator asked to stop the session (q or Ctrl-C in the TUI, {@code abort} in
     * the REPL). The engine asks between steps: it starts no further step and ends the session
     * {@link Outcome#INTERRUPTED}, with everything so far in the transcript.
     */
    default boolean stopRequested() {
        return false;
    }

    /** Thrown when an answer is needed and none can be given; the session ends inconclusive. */
    final class NoAnswerException extends RuntimeException {
        private final String questionId;

        public NoAnswerException(String questionId, String message) {
            super(message);
            this.questionId = questionId;
        }

        public String questionId() {
            return questionId;
        }
    }
}
