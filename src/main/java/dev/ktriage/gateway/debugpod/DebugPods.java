package dev.ktriage.gateway.debugpod;

import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.gateway.NodeSession;
import dev.ktriage.gateway.node.BoundedCapture;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The debug pods of one gateway: at most one per node, created when the node's first command needs
 * it, used for every command after, and deleted when the session ends — on success, error and
 * Ctrl-C alike, with a JVM shutdown hook behind that for a session thread that never gets there.
 * What a kill -9 leaves, the next session's sweep (or {@code ktriage cleanup}) finds by its label
 * and owner annotations; and the pod's own activeDeadlineSeconds ends it in any case.
 *
 * <p>A command runs as {@code kubectl exec POD -c debugger -- chroot /host timeout N env LC_ALL=C
 * ARGV}: an argument vector end to end (the exec API takes one, no shell reads it), bounded on the
 * node by coreutils timeout as over SSH and here again by the client.
 */
final class DebugPods {

    static final String RECORD = "debug-pod";
    private static final long POLL_MS = 250;
    private static final long NODE_CHECK_AFTER_MS = 2_000;
    private static final long GRACE_MS = 5_000;
    private static final int TIMED_OUT = 124;
    /**
     * The exec is a websocket, an HTTP GET, which the API server authorizes as get on pods/exec;
     * from 1.35 it checks create as well (AuthorizePodWebsocketUpgradeCreatePermission, KEP-4006).
     */
    private static final String EXEC_RIGHTS = " (the exec is a websocket: it needs get on pods/exec, and from Kubernetes 1.35 create too)";

    private final KubernetesClient client;
    private final DebugPodSettings settings;
    private final Owner owner;
    private final ExecutorService pumps;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Thread safetyNet = new Thread(this::deleteLeftAtExit, "ktriage-debug-pods");
    private boolean hooked;

    /** A node's pod: its name is chosen before it exists, so the command can be shown first. */
    private static final class Slot {
        final String node;
        String name;
        volatile boolean created;
        boolean running;
        long createdNanos;
        NodeAnswer failure;

        Slot(String node) {
            this.node = node;
            this.name = DebugPodSpec.name(node);
        }
    }

    DebugPods(KubernetesClient client, DebugPodSettings settings, Owner owner) {
        this.client = client;
        this.settings = settings;
        this.owner = owner;
        this.pumps = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "debug-pod-pump");
            t.setDaemon(true);
            return t;
        });
    }

    DebugPodSettings settings() {
        return settings;
    }

    /** The pod a node's commands run in (named, perhaps not created yet). */
    String podName(String node) {
        return slot(node).name;
    }

    private Slot slot(String node) {
        return slots.computeIfAbsent(node, Slot::new);
    }

    /** Runs a command in the node's pod, creating the pod first if need be. Never throws. */
    NodeAnswer run(NodeCommand command, NodeSession session) {
        long start = System.nanoTime();
        Slot slot = slot(command.node());
        String pod;
        synchronized (slot) {
            if (slot.failure != null) return slot.failure;
            if (slot.running && nearDeadline(slot, command)) {
                delete(slot, session, "near its activeDeadlineSeconds: a new pod takes over");
                slot.name = DebugPodSpec.name(slot.node);
            }
            if (!slot.running) {
                Optional<NodeAnswer> failed = start(slot, session, start);
                if (failed.isPresent()) return failed.get();
            }
            pod = slot.name;
        }
        return exec(pod, command, start);
    }

    private boolean nearDeadline(Slot slot, NodeCommand command) {
        long ageSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - slot.createdNanos);
        return ageSeconds + command.timeoutSeconds() + 30 >= settings.deadlineSeconds();
    }

    private Optional<NodeAnswer> start(Slot slot, NodeSession session, long start) {
        String where = settings.namespace() + "/" + slot.name;
        try {
            client.pods().inNamespace(settings.namespace())
                    .resource(DebugPodSpec.pod(slot.name, slot.node, settings, owner, Instant.now())).create();
        } catch (KubernetesClientException e) {
            NodeAnswer failed = NodeAnswer.failed(createStatus(e), "node " + slot.node + ": cannot create debug pod " + where + ": "
                    + createReason(e), millis(start));
            record(session, "create-failed", slot, failed.reason());
            // a refusal stands for the session; anything else may pass, so the next command tries again
            if (failed.status() == GatherStatus.FORBIDDEN) slot.failure = failed;
            slot.name = DebugPodSpec.name(slot.node);
            return Optional.of(failed);
        }
        slot.created = true;
        slot.createdNanos = System.nanoTime();
        hook();
        record(session, "created", slot, null);
        Optional<NotRunning> notRunning = awaitRunning(slot);
        if (notRunning.isEmpty()) {
            slot.running = true;
            return Optional.empty();
        }
        NodeAnswer failed = NodeAnswer.failed(notRunning.get().status(), "node " + slot.node + ": debug pod " + where + " " + notRunning.get().why(),
                millis(start));
        record(session, "start-failed", slot, failed.reason());
        delete(slot, session, "it did not start");
        if (!Thread.currentThread().isInterrupted()) slot.failure = failed;
        slot.name = DebugPodSpec.name(slot.node);
        return Optional.of(failed);
    }

    private static GatherStatus createStatus(KubernetesClientException e) {
        return e.getCode() == 403 ? GatherStatus.FORBIDDEN : e.getCode() == 0 ? GatherStatus.UNREACHABLE : GatherStatus.ERROR;
    }

    private String createReason(KubernetesClientException e) {
        String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : oneLine(e);
        if (e.getCode() == 403 && message.contains("PodSecurity")) {
            return message + " (a debug pod is privileged with host namespaces and the node's root: give --debug-pod-namespace a namespace"
                    + " labelled pod-security.kubernetes.io/enforce=privileged)";
        }
        if (e.getCode() == 403) return message + " (node access debug-pod needs create, get and delete on pods and get and create on pods/exec)";
        return message;
    }

    /**
     * Why a pod does not run: its node cannot run it (gone, its kubelet silent: UNREACHABLE), the
     * wait ran out (TIMEOUT), or it failed otherwise (its image, it ended, interrupted: ERROR).
     */
    private record NotRunning(GatherStatus status, String why) {
    }

    private static final NotRunning INTERRUPTED = new NotRunning(GatherStatus.ERROR, "interrupted while starting");

    /** Empty once the pod runs; else why it does not, after the start timeout at most. */
    private Optional<NotRunning> awaitRunning(Slot slot) {
        long started = System.nanoTime();
        long deadline = started + settings.startTimeout().toNanos();
        String last = "was not found";
        boolean nodeRead = false;
        while (true) {
            try {
                Pod pod = client.pods().inNamespace(settings.namespace()).withName(slot.name).get();
                if (pod != null) {
                    Optional<String> ended = PodState.terminal(pod);
                    if (ended.isPresent()) return Optional.of(new NotRunning(GatherStatus.ERROR, ended.get()));
                    if (PodState.running(pod)) return Optional.empty();
                    last = PodState.describe(pod);
                    // still Pending after a moment: a node that does not exist, or whose kubelet is gone, never starts it
                    if (!nodeRead && System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(NODE_CHECK_AFTER_MS)) {
                        nodeRead = true;
                        Optional<String> never = PodState.nodeCannotStart(client, slot.node);
                        if (never.isPresent()) return Optional.of(new NotRunning(GatherStatus.UNREACHABLE, never.get()));
                    }
                }
            } catch (KubernetesClientException e) {
                if (Thread.currentThread().isInterrupted()) return Optional.of(INTERRUPTED);
                last = "could not be read: " + oneLine(e);
            }
            if (System.nanoTime() - deadline >= 0) {
                return Optional.of(new NotRunning(GatherStatus.TIMEOUT, "was not running after " + settings.startTimeout().toSeconds() + " s (" + last + ")"));
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(INTERRUPTED);
            }
        }
    }

    /** The argument vector the debugger container runs: into the node's root, bounded and in the C locale as over SSH. */
    static List<String> execArgv(NodeCommand command) {
        List<String> argv = new ArrayList<>(List.of("chroot", "/host", "timeout", Integer.toString(command.timeoutSeconds()), "env", "LC_ALL=C"));
        argv.addAll(command.argv());
        return argv;
    }

    private NodeAnswer exec(String pod, NodeCommand command, long start) {
        long deadline = start + TimeUnit.SECONDS.toNanos(command.timeoutSeconds()) + TimeUnit.MILLISECONDS.toNanos(GRACE_MS);
        String what = "node " + command.node() + ": `" + command.commandLine() + "` in debug pod " + settings.namespace() + "/" + pod;
        ExecWatch watch;
        try {
            watch = client.pods().inNamespace(settings.namespace()).withName(pod).inContainer(DebugPodSpec.CONTAINER)
                    .redirectingOutput().redirectingError().exec(execArgv(command).toArray(String[]::new));
        } catch (KubernetesClientException e) {
            if (Thread.currentThread().isInterrupted()) return NodeAnswer.failed(GatherStatus.ERROR, what + ": interrupted", millis(start));
            GatherStatus status = e.getCode() == 403 ? GatherStatus.FORBIDDEN : GatherStatus.ERROR;
            return NodeAnswer.failed(status, oneLine(what + ": exec failed: " + (e.getCode() == 403
                    ? oneLine(e) + EXEC_RIGHTS : oneLine(e))), millis(start));
        }
        try (watch) {
            Future<BoundedCapture> out = pumps.submit(() -> BoundedCapture.read(ExecStream.stdout(watch), BoundedCapture.STDOUT_CAP));
            Future<BoundedCapture> err = pumps.submit(() -> BoundedCapture.read(ExecStream.stderr(watch), BoundedCapture.STDERR_CAP));
            Integer exit = watch.exitCode().get(remaining(deadline), TimeUnit.NANOSECONDS);
            BoundedCapture stdout = out.get(remaining(deadline), TimeUnit.NANOSECONDS);
            BoundedCapture stderr = err.get(remaining(deadline), TimeUnit.NANOSECONDS);
            if (exit == null || exit < 0) {
                return NodeAnswer.failed(GatherStatus.ERROR, oneLine(what + " ended without an exit status"), millis(start));
            }
            if (exit == TIMED_OUT) {
                return NodeAnswer.failed(GatherStatus.TIMEOUT, oneLine(what + " was stopped by the node's `timeout " + command.timeoutSeconds()
                        + "` (exit 124)"), millis(start));
            }
            return NodeAnswer.ran(exit, stdout.text(), stderr.text() + BoundedCapture.notes(stdout, stderr), millis(start));
        } catch (TimeoutException e) {
            return NodeAnswer.failed(GatherStatus.TIMEOUT, oneLine(what + ": no answer within " + TimeUnit.NANOSECONDS.toMillis(deadline - start)
                    + " ms (remote timeout " + command.timeoutSeconds() + " s + " + GRACE_MS + " ms grace)"), millis(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NodeAnswer.failed(GatherStatus.ERROR, what + ": interrupted", millis(start));
        } catch (ExecutionException e) {
            return NodeAnswer.failed(GatherStatus.ERROR, oneLine(what + ": " + oneLine(e.getCause())), millis(start));
        }
    }

    /** Deletes every pod this gateway made, in parallel, waiting up to the delete timeout; never throws. */
    void deleteAll(NodeSession session) {
        List<Slot> made = slots.values().stream().filter(s -> s.created).toList();
        if (made.isEmpty()) {
            slots.clear();
            return;
        }
        List<Thread> deletes = new ArrayList<>();
        for (Slot slot : made) {
            Thread t = new Thread(() -> {
                synchronized (slot) {
                    delete(slot, session, null);
                }
            }, "debug-pod-delete");
            t.setDaemon(true);
            t.start();
            deletes.add(t);
        }
        // the session's thread may be interrupted (Ctrl-C): the deletes go on regardless, and are waited for
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + settings.deleteTimeout().toNanos();
        try {
            for (Thread t : deletes) {
                while (t.isAlive() && System.nanoTime() - deadline < 0) {
                    try {
                        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
        // a delete still under way keeps its slot, so the shutdown hook finds it
        slots.values().removeIf(s -> !s.created);
        if (slots.isEmpty()) unhook();
    }

    /** Deletes the slot's pod if it was made; records what happened. Call holding the slot. */
    private void delete(Slot slot, NodeSession session, String why) {
        if (!slot.created) return;
        try {
            client.pods().inNamespace(settings.namespace()).withName(slot.name).withGracePeriod(0).delete();
            record(session, "deleted", slot, why);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                record(session, "deleted", slot, "already gone");
            } else {
                record(session, "delete-failed", slot, oneLine(e) + "; delete it by hand: kubectl delete pod -n " + settings.namespace() + " " + slot.name);
            }
        }
        slot.created = false;
        slot.running = false;
    }

    /** The last resort when the JVM stops: the session gets a moment to delete and record its pods, then whatever is left goes. */
    private void deleteLeftAtExit() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (slots.values().stream().anyMatch(s -> s.created) && System.nanoTime() - until < 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                break;
            }
        }
        for (Slot slot : slots.values()) {
            if (!slot.created) continue;
            try {
                client.pods().inNamespace(settings.namespace()).withName(slot.name).withGracePeriod(0).delete();
            } catch (RuntimeException e) {
                System.err.println("ktriage: could not delete debug pod " + settings.namespace() + "/" + slot.name + ": " + oneLine(e));
            }
        }
    }

    private synchronized void hook() {
        if (hooked) return;
        try {
            Runtime.getRuntime().addShutdownHook(safetyNet);
            hooked = true;
        } catch (IllegalStateException shuttingDown) {
            // the JVM is stopping already: the session's end deletes the pod
        }
    }

    private synchronized void unhook() {
        if (!hooked) return;
        try {
            Runtime.getRuntime().removeShutdownHook(safetyNet);
            hooked = false;
        } catch (IllegalStateException shuttingDown) {
            // the hook runs now: it finds nothing left
        }
    }

    void close() {
        pumps.shutdownNow();
    }

    private void record(NodeSession session, String action, Slot slot, String reason) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("action", action);
        fields.put("node", slot.node);
        fields.put("pod", settings.namespace() + "/" + slot.name);
        fields.put("image", settings.image());
        if (reason != null) fields.put("reason", reason);
        try {
            session.record(RECORD, fields);
        } catch (RuntimeException e) {
            // a transcript that cannot be written must not stop a pod's deletion
        }
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    private static long millis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return oneLine(m);
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
