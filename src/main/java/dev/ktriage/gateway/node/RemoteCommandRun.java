package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one command on an open connection with a hard bound on the wait. stdout and stderr are read
 * concurrently (a command that fills one pipe while we block on the other would never finish).
 * On timeout the channel is closed in the background, because closing can block until the remote
 * command ends; the remote {@code timeout N} ends it.
 */
final class RemoteCommandRun {

    static final int STDOUT_CAP = BoundedCapture.STDOUT_CAP;
    static final int STDERR_CAP = BoundedCapture.STDERR_CAP;
    /** What GNU and busybox {@code timeout} exit with when they had to stop the command. */
    static final int REMOTE_TIMEOUT_EXIT = 124;

    private final ExecutorService pumps;
    private final Duration grace;

    RemoteCommandRun(ExecutorService pumps, Duration grace) {
        this.pumps = pumps;
        this.grace = grace;
    }

    NodeAnswer run(SSHClient client, NodeCommand command, long startNanos) throws IOException, NodeFailure {
        long boundNanos = TimeUnit.SECONDS.toNanos(command.timeoutSeconds()) + grace.toNanos();
        long deadline = System.nanoTime() + boundNanos;
        Session session;
        try {
            session = client.startSession();
        } catch (IOException e) {
            throw new StaleConnection(e);
        } catch (IllegalStateException e) {
            // sshj's "Not connected": the connection dropped between our check and this channel open
            throw new StaleConnection(new IOException(e.getMessage(), e));
        }
        boolean finished = false;
        try {
            Session.Command exec = session.exec(command.wireCommand());
            Future<BoundedCapture> out = pumps.submit(() -> BoundedCapture.read(exec.getInputStream(), STDOUT_CAP));
            Future<BoundedCapture> err = pumps.submit(() -> BoundedCapture.read(exec.getErrorStream(), STDERR_CAP));
            BoundedCapture stdout = await(out, deadline);
            BoundedCapture stderr = await(err, deadline);
            awaitClose(exec, deadline);
            Integer exit = exec.getExitStatus();
            finished = true;
            if (exit == null) {
                String signal = exec.getExitSignal() != null ? "killed by signal " + exec.getExitSignal() : "ended without an exit status";
                throw new NodeFailure(GatherStatus.ERROR, "node " + command.node() + ": `" + command.commandLine() + "` " + signal);
            }
            if (exit == REMOTE_TIMEOUT_EXIT) {
                return NodeAnswer.failed(GatherStatus.TIMEOUT, NodeFailure.oneLine("node " + command.node() + ": `"
                        + command.commandLine() + "` was stopped by the node's `timeout " + command.timeoutSeconds()
                        + "` (exit 124)"), millisSince(startNanos));
            }
            return NodeAnswer.ran(exit, stdout.text(), stderr.text() + BoundedCapture.notes(stdout, stderr), millisSince(startNanos));
        } catch (TimeoutException e) {
            return NodeAnswer.failed(GatherStatus.TIMEOUT, NodeFailure.oneLine("node " + command.node() + ": no answer to `"
                    + command.commandLine() + "` within " + TimeUnit.NANOSECONDS.toMillis(boundNanos) + " ms (remote timeout "
                    + command.timeoutSeconds() + " s + " + grace.toMillis() + " ms grace)"), millisSince(startNanos));
        } finally {
            if (finished) closeQuietly(session);
            else closeInBackground(session);
        }
    }

    private void closeInBackground(Session session) {
        try {
            pumps.execute(() -> closeQuietly(session));
        } catch (RejectedExecutionException e) {
            // the gateway is closing: disconnecting the client ends this channel too
        }
    }

    private static BoundedCapture await(Future<BoundedCapture> capture, long deadline)
            throws TimeoutException, IOException {
        try {
            return capture.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the node", e);
        }
    }

    /** The exit status arrives just before the channel closes; a node that never closes it is a timeout too. */
    private static void awaitClose(Session.Command exec, long deadline) throws TimeoutException, IOException {
        try {
            exec.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), TimeUnit.MILLISECONDS);
        } catch (ConnectionException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TimeoutException) throw (TimeoutException) t;
            }
            if (System.nanoTime() - deadline >= 0) throw new TimeoutException(e.getMessage());
            throw e;
        }
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static void closeQuietly(Session session) {
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            // the channel is gone already; nothing to release
        }
    }
}
