package dev.ktriage.ui.tui;

import dev.ktriage.playbook.Input;
import dev.ktriage.ui.ClusterChoices;
import dev.ktriage.ui.ClusterChoices.Choices;
import java.util.List;

/**
 * One playbook input on the start form, as typed so far, with the values the cluster offers for
 * it (pods, nodes, namespaces) once they are read. GUI thread only.
 */
final class InputField {

    final Input input;
    final StringBuilder value;
    /** The read asked for (see {@link ClusterChoices#keyFor}); null: none asked yet. */
    String choicesKey;
    /** What that read offered; null while it runs or when none was asked. */
    Choices choices;
    /** The highlighted offer among {@link #matches()}, or -1: the operator is typing. */
    int pick = -1;

    InputField(Input input, String initial) {
        this.input = input;
        this.value = new StringBuilder(initial == null ? "" : initial);
    }

    String hint() {
        return switch (input.kind()) {
            case POD -> "NAMESPACE/NAME";
            case NODE -> "NODE";
            case TEXT -> "text";
        };
    }

    boolean missing() {
        return input.required() && value.toString().isBlank();
    }

    /** True while a read for this field runs. */
    boolean reading() {
        return choicesKey != null && choices == null;
    }

    /** The offers that fit what is typed. */
    List<String> matches() {
        return choices == null ? List.of() : choices.matching(value.toString());
    }

    /** A read came back; kept only if it still answers what the field needs. */
    void choicesRead(String key, Choices read) {
        if (!key.equals(choicesKey)) return;
        choices = read;
        pick = Math.min(pick, matches().size() - 1);
    }

    /** The field now needs the read {@code key}: forget the previous offers. */
    void asking(String key) {
        choicesKey = key;
        choices = null;
        pick = -1;
    }

    void type(char c) {
        value.append(c);
        pick = -1;
    }

    void erase() {
        if (value.length() > 0) value.setLength(value.length() - 1);
        pick = -1;
    }

    /** Moves the highlight by {@code delta} within the offers; -1 leaves the list. */
    void movePick(int delta) {
        int n = matches().size();
        pick = n == 0 ? -1 : Math.max(-1, Math.min(n - 1, pick + delta));
    }

    /** Puts the highlighted offer in the field; false when none is highlighted. */
    boolean take() {
        List<String> m = matches();
        if (pick < 0 || pick >= m.size()) return false;
        value.setLength(0);
        value.append(m.get(pick));
        pick = -1;
        return true;
    }
}
