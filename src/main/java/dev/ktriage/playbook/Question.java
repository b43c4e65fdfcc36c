package dev.ktriage.playbook;

import dev.ktriage.playbook.expr.Template;
import java.util.List;

/** A question only a human can answer; the answer is stored in the variable {@code id}. */
public record Question(String id, Template text, List<String> choices) {
}
