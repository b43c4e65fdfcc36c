package dev.ktriage.ui.tui;

import com.googlecode.lanterna.input.KeyStroke;

/** The keys every list shares (the start list, the steps): moving with j/k g/G and the arrows, and the {@code /} filter. */
final class ListKeys {

    private ListKeys() {
    }

    /** Keys typed into the {@code /} filter: Enter keeps it, Esc drops it. False for keys it leaves alone. */
    static boolean filter(TuiState s, KeyStroke k) {
        switch (k.getKeyType()) {
            case Character -> {
                if (k.isCtrlDown() || k.isAltDown()) return false;
                s.filter.append(k.getCharacter());
            }
            case Backspace -> {
                if (s.filter.length() > 0) s.filter.setLength(s.filter.length() - 1);
            }
            case Enter -> {
                s.filtering = false; // and Enter does what it does on the list: opens the chosen entry
                return false;
            }
            case Escape -> s.clearFilter();
            default -> {
                return false; // Up/Down move in the filtered list while typing
            }
        }
        if (s.mode == TuiState.Mode.START) s.selected = TuiState.move(s.shownEntries(), s.selected, 0);
        else KeyHandler.pick(s, TuiState.move(s.shownSteps(), s.shown, 0));
        return true;
    }

    /** j/k, g/G and the arrows, Home/End: how far to move in a list; 0 for another key. */
    static int move(KeyStroke k) {
        return switch (k.getKeyType()) {
            case ArrowUp -> -1;
            case ArrowDown -> 1;
            case Home -> Integer.MIN_VALUE;
            case End -> Integer.MAX_VALUE;
            case Character -> k.isCtrlDown() || k.isAltDown() ? 0 : switch (k.getCharacter()) {
                case 'k' -> -1;
                case 'j' -> 1;
                case 'g' -> Integer.MIN_VALUE;
                case 'G' -> Integer.MAX_VALUE;
                default -> 0;
            };
            default -> 0;
        };
    }
}
