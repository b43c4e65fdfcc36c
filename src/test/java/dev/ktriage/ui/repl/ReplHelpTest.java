package dev.ktriage.ui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.ui.CommandShell;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REPL's help fits the terminal: no line wider than it, no word lost, continuations in the description column. */
class ReplHelpTest {

    private static List<String> words(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    @Test
    void helpWrapsToTheTerminalWidth() {
        String help = ReplHelp.of("", CommandShell.NONE);
        assertTrue(help.lines().anyMatch(l -> l.length() > 80), "the unwrapped help has long lines");
        for (int width : List.of(80, 60, 40)) {
            String wrapped = ReplHelp.wrap(help, width);
            for (String line : wrapped.lines().toList()) assertTrue(line.length() <= width, width + ": " + line);
            assertEquals(words(help), words(wrapped), "nothing is cut or reordered at " + width);
        }
        String at80 = ReplHelp.wrap(help, 80);
        assertTrue(at80.contains("\n" + " ".repeat(30) + "pauses") || at80.lines().anyMatch(l -> l.startsWith(" ".repeat(30)) && !l.isBlank()),
                "continuations start at the description column: " + at80);
        assertEquals(help, ReplHelp.wrap(help, 0), "an unknown width leaves it as it is");
    }
}
