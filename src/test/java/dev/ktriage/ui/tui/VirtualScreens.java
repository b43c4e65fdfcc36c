package dev.ktriage.ui.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;

/** Lanterna's virtual terminal as a test fixture: paint a state, read the screen back as text. */
final class VirtualScreens {

    private VirtualScreens() {
    }

    static String paint(TuiState state, int cols, int rows) throws IOException {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        ScreenPainter.paint(state, new Canvas(screen.newTextGraphics(), cols, rows));
        screen.refresh();
        return text(vt);
    }

    static String text(DefaultVirtualTerminal vt) {
        TerminalSize size = vt.getTerminalSize();
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) line.append(vt.getBufferCharacter(c, r).getCharacterString());
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /** Waits until the screen shows every needle (the GUI thread may be mid-refresh); fails with the last screen. */
    static String await(DefaultVirtualTerminal vt, int seconds, String... needles) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String screen = text(vt);
        while (!java.util.Arrays.stream(needles).allMatch(screen::contains)) {
            if (System.nanoTime() > deadline) throw new AssertionError("screen never showed " + java.util.List.of(needles) + ":\n" + screen);
            Thread.sleep(50);
            screen = text(vt);
        }
        return screen;
    }

    /** Waits until the screen no longer shows {@code needle}; fails with the last screen. */
    static String awaitGone(DefaultVirtualTerminal vt, int seconds, String needle) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String screen = text(vt);
        while (screen.contains(needle)) {
            if (System.nanoTime() > deadline) throw new AssertionError("screen still shows " + needle + ":\n" + screen);
            Thread.sleep(50);
            screen = text(vt);
        }
        return screen;
    }
}
