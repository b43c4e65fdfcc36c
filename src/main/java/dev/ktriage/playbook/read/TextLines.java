package dev.ktriage.playbook.read;

import java.util.List;

/** Lines of an answer: none for empty text (not one empty line). */
final class TextLines {

    private TextLines() {
    }

    static List<String> of(String text) {
        return text == null || text.isEmpty() ? List.of() : text.lines().toList();
    }

    static String shown(String pattern) {
        return "/" + pattern + "/";
    }
}
