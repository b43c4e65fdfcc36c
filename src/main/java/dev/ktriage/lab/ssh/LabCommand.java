package dev.ktriage.lab.ssh;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One exec request on a lab node: asks the node's responder, then writes the reply after its
 * delay. The delay is scheduled, not slept, so fifty slow nodes do not need fifty threads.
 */
final class LabCommand implements Command {

    private final String line;
    private final LabNodes nodes;
    private final ScheduledExecutorService scheduler;
    private final Executor writers;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Future<?> pending;

    LabCommand(String line, LabNodes nodes, ScheduledExecutorService scheduler, Executor writers) {
        this.line = line;
        this.nodes = nodes;
        this.scheduler = scheduler;
        this.writers = writers;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        NodeReply reply = nodes.answer(channel.getSession().getUsername(), line);
        // writing may block on the SSH window, so it happens off the scheduler's few threads
        pending = scheduler.schedule(() -> writers.execute(() -> write(reply)), reply.delayMs(), TimeUnit.MILLISECONDS);
    }

    private void write(NodeReply reply) {
        try {
            out.write(reply.stdout().getBytes(StandardCharsets.UTF_8));
            out.flush();
            err.write(reply.stderr().getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException e) {
            // the client went away (closed a timed-out channel): nobody is left to tell
        }
        exit.onExit(reply.exit());
    }

    @Override
    public void destroy(ChannelSession channel) {
        Future<?> p = pending;
        if (p != null) p.cancel(false);
    }

    @Override
    public void setInputStream(InputStream in) {
        // lab commands read no input
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }
}
