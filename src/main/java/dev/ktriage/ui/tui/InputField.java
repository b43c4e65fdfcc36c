package dev.ktriage.ui.tui;

import dev.ktriage.playbook.Input;

/** One playbook input on the start form, as typed so far. GUI thread only. */
final class InputField {

    final Input input;
    final StringBuilder value;

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
}
