package dev.ktriage.ui.tui;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Changes to the screen state, handed from the engine thread to the GUI thread (Lanterna's threading
 * rule: only the GUI thread touches the screen and its state). The GUI loop drains it every tick.
 */
final class GuiQueue {

    private final ConcurrentLinkedQueue<Consumer<TuiState>> pending = new ConcurrentLinkedQueue<>();

    void post(Consumer<TuiState> change) {
        pending.add(change);
    }

    /** Applies what was posted, in order; true when something changed. GUI thread only. */
    boolean drainInto(TuiState state) {
        boolean changed = false;
        for (Consumer<TuiState> c; (c = pending.poll()) != null; ) {
            c.accept(state);
            changed = true;
        }
        return changed;
    }
}
