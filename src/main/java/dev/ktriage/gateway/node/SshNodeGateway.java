package dev.ktriage.gateway.node;

import dev.ktriage.allowlist.AllowList;
import dev.ktriage.allowlist.CheckedCommand;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.gateway.NodeGateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Node commands over SSH with sshj, against real nodes or the embedded lab alike. Host keys are
 * checked against known_hosts; every call is bounded; every failure comes back as an answer with
 * a one-line reason, never as an exception. Thread-safe.
 */
public final class SshNodeGateway implements NodeGateway {

    private final SshSettings settings;
    private final NodeResolver resolver;
    private final NodeConnections connections;
    private final RemoteCommandRun remote;
    private final ExecutorService fanOut;
    private final ExecutorService pumps;
    private final ReadOnlyGate gate;

    public SshNodeGateway(SshSettings settings, NodeResolver resolver) {
        this(settings, resolver, AllowList::checkArgv);
    }

    /**
     * With another gate than the allow-list: for this package's transport tests only, which need
     * commands no playbook may run (sleep, a shell that ignores SIGTERM) to test bounds.
     */
    SshNodeGateway(SshSettings settings, NodeResolver resolver, Function<List<String>, CheckedCommand> gate) {
        SshAlgorithms.prepare();
        this.gate = new ReadOnlyGate(gate);
        this.settings = settings;
        this.resolver = resolver;
        this.connections = new NodeConnections(settings);
        this.fanOut = Executors.newFixedThreadPool(settings.concurrency(), daemon("ssh-node"));
        this.pumps = Executors.newCachedThreadPool(daemon("ssh-pump"));
        this.remote = new RemoteCommandRun(pumps, settings.commandGrace());
    }

    /** Only what the read-only allow-list takes is sent; the answer comes back read and redacted (see {@link ReadOnlyGate}). */
    @Override
    public NodeAnswer run(NodeCommand asked) {
        return gate.run(asked, this::send);
    }

    private NodeAnswer send(NodeCommand asked) {
        long start = System.nanoTime();
        Optional<NodeAddress> address;
        NodeCommand command = asked;
        try {
            address = resolver.resolve(asked.node());
            Optional<Boolean> sudo = resolver.sudo(asked.node());
            if (sudo.isPresent() && sudo.get() != asked.sudo()) {
                command = new NodeCommand(asked.node(), asked.argv(), sudo.get(), asked.timeoutSeconds());
            }
        } catch (RuntimeException e) {
            return NodeAnswer.failed(GatherStatus.ERROR, NodeFailure.oneLine("node " + command.node()
                    + ": cannot work out its SSH address: " + e.getMessage()), millisSince(start));
        }
        if (address.isEmpty()) {
            return NodeAnswer.failed(GatherStatus.UNREACHABLE, "node " + command.node() + ": no SSH address known for it", millisSince(start));
        }
        Semaphore permits = connections.sessionPermits(command.node());
        long boundMs = TimeUnit.SECONDS.toMillis(command.timeoutSeconds()) + settings.commandGrace().toMillis();
        try {
            if (!permits.tryAcquire(boundMs, TimeUnit.MILLISECONDS)) {
                return NodeAnswer.failed(GatherStatus.TIMEOUT, NodeFailure.oneLine("node " + command.node() + ": `"
                        + command.commandLine() + "` waited " + boundMs + " ms behind other commands on this node"), millisSince(start));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NodeAnswer.failed(GatherStatus.ERROR, "node " + command.node() + ": interrupted", millisSince(start));
        }
        try {
            return runConnected(command, address.get(), start);
        } finally {
            permits.release();
        }
    }

    private NodeAnswer runConnected(NodeCommand command, NodeAddress address, long start) {
        for (int attempt = 1; ; attempt++) {
            NodeConnections.Connection connection = null;
            try {
                connection = connections.client(command.node(), address);
                return remote.run(connection.client(), command, start);
            } catch (Exception e) {
                if (connection != null) connections.discard(command.node(), connection.client());
                // an idle connection the network dropped silently: nothing ran yet, so go again once
                if (e instanceof StaleConnection && connection.reused() && attempt == 1) continue;
                NodeFailure failure = SshFailureClassifier.classify(e, "node " + command.node(), address, settings.connectTimeout());
                return NodeAnswer.failed(failure.status(), failure.getMessage(), millisSince(start));
            }
        }
    }

    @Override
    public List<NodeAnswer> runAll(List<NodeCommand> commands) {
        return runAll(commands, answer -> { });
    }

    @Override
    public List<NodeAnswer> runAll(List<NodeCommand> commands, Consumer<NodeAnswer> answered) {
        List<Future<NodeAnswer>> pending = new ArrayList<>(commands.size());
        for (NodeCommand command : commands) {
            try {
                pending.add(fanOut.submit(() -> FanOut.told(answered, run(command))));
            } catch (RejectedExecutionException e) {
                pending.add(CompletableFuture.completedFuture(FanOut.told(answered,
                        NodeAnswer.failed(GatherStatus.ERROR, "node " + command.node() + ": the SSH gateway is closed", 0))));
            }
        }
        return FanOut.collect(pending, commands);
    }

    @Override
    public void close() {
        fanOut.shutdownNow();
        connections.close();
        pumps.shutdown();
        try {
            pumps.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pumps.shutdownNow();
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
