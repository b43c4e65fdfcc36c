package dev.ktriage.playbook;

import dev.ktriage.playbook.lang.Text;
import java.util.List;

/** A question only a human can answer; the answer is stored in the variable {@code id}. */
public record Question(String id, Text text, List<String> choices) {
}
