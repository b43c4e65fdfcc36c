package dev.ktriage.gateway.debugpod;

import dev.ktriage.gateway.AccessCheck;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.gateway.NodeSession;
import dev.ktriage.gateway.node.FanOut;
import dev.ktriage.gateway.node.ReadOnlyGate;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Node commands run in a privileged debug pod on the node, for nodes that cannot be reached over
 * SSH: what an operator does with {@code kubectl debug node/NODE --profile=sysadmin} and
 * {@code chroot /host}. The commands are the same read-only ones as over SSH (the allow-list gates
 * them here too); creating the pod is the one write ktriage makes, so it happens only with consent:
 * {@code --node-access debug-pod} on the command line is consent, otherwise the operator is asked
 * once per session, and a batch run without that flag is refused. Each session sweeps the pods
 * earlier runs left behind before it creates its first, and deletes its own when it ends.
 */
public final class DebugPodNodeGateway implements NodeGateway {

    /** Whether pods may be created without asking. */
    public enum Consent { GIVEN, ASK }

    static final String QUESTION_ID = "debug-pod";

    private final DebugPods pods;
    private final Leftovers leftovers;
    private final Consent consent;
    private final ReadOnlyGate gate = new ReadOnlyGate();
    private final ExecutorService fanOut;
    private volatile NodeSession session = NodeSession.NONE;
    /** Per session: null until asked; empty once agreed; else why not. */
    private Optional<String> agreed;
    private boolean swept;

    public DebugPodNodeGateway(KubernetesClient client, DebugPodSettings settings, Consent consent) {
        this(client, settings, consent, Owner.current());
    }

    DebugPodNodeGateway(KubernetesClient client, DebugPodSettings settings, Consent consent, Owner owner) {
        this.pods = new DebugPods(client, settings, owner);
        this.leftovers = new Leftovers(client, owner);
        this.consent = consent;
        this.fanOut = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "debug-pod-node");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public NodeSession.End begin(NodeSession session) {
        synchronized (this) {
            this.session = session;
            this.agreed = null;
            this.swept = false;
        }
        return () -> {
            pods.deleteAll(session);
            synchronized (this) {
                this.session = NodeSession.NONE;
            }
        };
    }

    @Override
    public NodeAnswer run(NodeCommand command) {
        Optional<NodeAnswer> refused = permitted(command);
        return refused.orElseGet(() -> gate.run(command, c -> pods.run(c, session)));
    }

    /** Consent first (on the caller's thread, where the operator can be asked), then the sweep, once a session. */
    private synchronized Optional<NodeAnswer> permitted(NodeCommand command) {
        if (agreed == null) {
            agreed = consent == Consent.GIVEN ? Optional.empty() : session.consent(QUESTION_ID, question(command.node()));
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("action", agreed.isEmpty() ? "consented" : "refused");
            fields.put("by", consent == Consent.GIVEN ? "--node-access debug-pod" : "the operator");
            agreed.ifPresent(why -> fields.put("reason", why));
            session.record(DebugPods.RECORD, fields);
        }
        if (agreed.isPresent()) {
            return Optional.of(NodeAnswer.failed(GatherStatus.REFUSED, "node " + command.node() + ": not run: reaching it needs a debug pod,"
                    + " and " + agreed.get(), 0));
        }
        if (!swept) {
            swept = true;
            sweep();
        }
        return Optional.empty();
    }

    private String question(String node) {
        DebugPodSettings s = pods.settings();
        return "Node " + node + " is reached through a debug pod: ktriage creates a privileged pod (image " + s.image()
                + ", host namespaces, the node's / at /host) in namespace " + s.namespace()
                + " on each node it reads, runs its read-only commands there, and deletes the pods when the session ends. Create them?";
    }

    /** Deletes what earlier runs left behind in the namespace; a failed list is recorded and does not stop the session. */
    private void sweep() {
        String namespace = pods.settings().namespace();
        try {
            for (Leftovers.Found f : leftovers.find(namespace)) {
                if (!f.verdict().leftOver()) continue;
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("action", "swept");
                fields.put("node", f.node());
                fields.put("pod", f.ref());
                fields.put("reason", f.why());
                try {
                    leftovers.delete(f);
                } catch (RuntimeException e) {
                    fields.put("action", "sweep-failed");
                    fields.put("reason", f.why() + "; delete failed: " + DebugPods.oneLine(e));
                }
                session.record(DebugPods.RECORD, fields);
            }
        } catch (RuntimeException e) {
            session.record(DebugPods.RECORD, Map.of("action", "sweep-failed", "pod", namespace + "/*",
                    "reason", "cannot list debug pods left by earlier runs: " + DebugPods.oneLine(e)));
        }
    }

    /**
     * Create, read and delete a pod in the debug namespace, and exec into it; listing them is for the
     * sweep. fabric8's exec is a websocket (an HTTP GET), authorized as get on pods/exec, and from
     * Kubernetes 1.35 as create too (AuthorizePodWebsocketUpgradeCreatePermission): both are needed.
     */
    @Override
    public List<AccessCheck> accessNeeds() {
        String ns = pods.settings().namespace();
        return List.of(AccessCheck.resource("create", "pods", null, ns), AccessCheck.resource("get", "pods", null, ns),
                AccessCheck.resource("get", "pods", "exec", ns), AccessCheck.resource("create", "pods", "exec", ns),
                AccessCheck.resource("delete", "pods", null, ns),
                AccessCheck.resource("list", "pods", null, ns));
    }

    /** As the operator would run it by hand. */
    @Override
    public String shown(NodeCommand command) {
        return "kubectl exec -n " + pods.settings().namespace() + " " + pods.podName(command.node()) + " -c " + DebugPodSpec.CONTAINER
                + " -- " + NodeCommand.joined(DebugPods.execArgv(command));
    }

    @Override
    public List<NodeAnswer> runAll(List<NodeCommand> commands) {
        return runAll(commands, a -> { });
    }

    @Override
    public List<NodeAnswer> runAll(List<NodeCommand> commands, Consumer<NodeAnswer> answered) {
        if (commands.isEmpty()) return List.of();
        Optional<NodeAnswer> refused = permitted(commands.get(0));
        List<Future<NodeAnswer>> pending = new ArrayList<>(commands.size());
        for (NodeCommand c : commands) {
            if (refused.isPresent()) {
                pending.add(CompletableFuture.completedFuture(FanOut.told(answered, permitted(c).orElseThrow())));
            } else {
                pending.add(fanOut.submit(() -> FanOut.told(answered, run(c))));
            }
        }
        return FanOut.collect(pending, commands);
    }

    @Override
    public void close() {
        pods.deleteAll(session);
        fanOut.shutdownNow();
        pods.close();
    }
}
