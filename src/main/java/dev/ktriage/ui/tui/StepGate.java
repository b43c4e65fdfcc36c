package dev.ktriage.ui.tui;

import java.util.concurrent.Semaphore;

/**
 * Step-through: with it on, the engine waits before each step until the operator lets it go
 * (space or n). Shared by the GUI thread, which opens it, and the engine thread, which waits.
 */
final class StepGate {

    private final Semaphore go = new Semaphore(0);
    private volatile boolean on;
    private volatile boolean closed;

    StepGate(boolean on) {
        this.on = on;
    }

    boolean on() {
        return on && !closed;
    }

    /** Turns pausing on or off; off lets a waiting step go at once. */
    void pauseBeforeEachStep(boolean pause) {
        on = pause;
        if (!pause) go.release();
    }

    /** Lets the step the engine waits before go. */
    void next() {
        go.release();
    }

    /** The session stops: no further wait, and a waiting step goes (to find the stop). */
    void close() {
        closed = true;
        go.release();
    }

    /**
     * Engine thread: forgets keys pressed before the pause was shown, then waits for the next one
     * ({@code shown} runs in between: it tells the screen the engine waits). Returns at once when
     * pausing is off or the session stops.
     */
    void await(Runnable shown) throws InterruptedException {
        if (!on()) return;
        go.drainPermits();
        shown.run();
        go.acquire();
    }
}
