package dev.ktriage.ui.batch;

import dev.ktriage.engine.Operator;
import dev.ktriage.playbook.Input;
import java.util.List;
import java.util.Map;

/**
 * Answers from {@code --set}/{@code --answers}, never from stdin: a question without an answer
 * ends the session (exit 2) naming the question.
 */
public final class BatchOperator implements Operator {

    private final Map<String, String> answers;

    public BatchOperator(Map<String, String> answers) {
        this.answers = Map.copyOf(answers);
    }

    @Override
    public String answer(String id, String text, List<String> choices) {
        String a = answers.get(id);
        if (a == null) {
            throw new NoAnswerException(id, "question '" + id + "' has no answer (" + text.strip()
                    + (choices.isEmpty() ? "" : " choices: " + String.join(", ", choices))
                    + "); give it with --answers FILE or --set " + id + "=...");
        }
        if (!choices.isEmpty() && !choices.contains(a)) {
            throw new NoAnswerException(id, "answer '" + a + "' to question '" + id + "' is not one of: " + String.join(", ", choices));
        }
        return a;
    }

    @Override
    public String provideInput(Input input, List<String> candidates) {
        throw new NoAnswerException(input.id(), "input '" + input.id() + "' is required (" + input.description().strip()
                + "); give it with --set " + input.id() + "=" + placeholder(input)
                + (candidates.isEmpty() ? "" : " — candidates: " + String.join(", ", candidates)));
    }

    private static String placeholder(Input input) {
        return switch (input.kind()) {
            case POD -> "NAMESPACE/NAME";
            case NODE -> "NODE";
            case TEXT -> "VALUE";
        };
    }
}
