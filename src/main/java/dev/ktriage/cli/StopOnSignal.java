package dev.ktriage.cli;

import dev.ktriage.engine.Operator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or a kill (SIGTERM) while a session runs: the engine is told to stop, the
 * session's thread is interrupted (a gather in progress answers as a failed read), and the process
 * waits, up to {@link #WAIT_SECONDS}, until the session has ended and closed its transcript with the
 * end record ("interrupted") before it exits. The front ends that read Ctrl-C as a key (TUI, REPL)
 * never let it become a signal; this covers `run`, and a kill of any of them.
 */
final class StopOnSignal implements Operator, AutoCloseable {

    static final int WAIT_SECONDS = 5;

    private final Operator operator;
    private final Thread session = Thread.currentThread();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean stop;

    /** Call on the thread that runs the session. */
    StopOnSignal(Operator operator) {
        this.operator = operator;
        this.hook = new Thread(this::stopAndWait, "ktriage-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void stopAndWait() {
        stop = true;
        session.interrupt();
        try {
            ended.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean stopRequested() {
        return stop || operator.stopRequested();
    }

    @Override
    public String answer(String id, String text, List<String> choices) {
        return operator.answer(id, text, choices);
    }

    @Override
    public String provideInput(dev.ktriage.playbook.Input input, List<String> candidates) {
        return operator.provideInput(input, candidates);
    }

    /** The session ended and its transcript is closed: a shutdown under way may go on. */
    @Override
    public void close() {
        ended.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs: it was waiting for exactly this
        }
    }
}
