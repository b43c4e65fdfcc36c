package dev.ktriage.cli;

import dev.ktriage.gateway.cluster.Fabric8ClusterGateway;
import dev.ktriage.gateway.debugpod.DebugPodConfig;
import dev.ktriage.gateway.debugpod.Leftovers;
import dev.ktriage.gateway.debugpod.Owner;
import dev.ktriage.gateway.node.NodeOverrides;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cleanup", description = {
        "Find the debug pods ktriage left in a cluster (--node-access debug-pod) and delete those that are left over:",
        "made by a ktriage on this machine whose process is gone (killed with -9, crashed), or ended (their",
        "activeDeadlineSeconds passed). Pods a running ktriage uses, or someone else's, stay unless --all.",
        "Every session with debug pods does the same sweep before it creates its first pod.",
        "Exit 0: nothing left over (or all deleted); 1: a delete failed; 6: --dry-run found pods to delete."})
final class CleanupCommand implements Callable<Integer> {

    static final int LEFT_OVER = 6;

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current context).")
    String context;

    @Option(names = {"-n", "--debug-pod-namespace"}, paramLabel = "NS", description = "Namespace of the debug pods (default: the config's debugPod.namespace, else the context's namespace).")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "Look in every namespace.")
    boolean allNamespaces;

    @Option(names = "--all", description = "Delete every ktriage debug pod found, in use or not, whoever made it.")
    boolean all;

    @Option(names = "--dry-run", description = "Only list what would be deleted.")
    boolean dryRun;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15", description = "Bound for each API request (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DebugPodConfig config = DebugPodConfig.load(NodeOverrides.DEFAULT_FILE);
        try (Fabric8ClusterGateway cluster = Fabric8ClusterGateway.connect(kubeconfig, context, null, Duration.ofSeconds(Math.max(1, timeoutSeconds)))) {
            String ns = allNamespaces ? null : namespace != null ? namespace : config.namespace() != null ? config.namespace()
                    : cluster.namespace() != null ? cluster.namespace() : "default";
            Leftovers leftovers = new Leftovers(cluster.kubernetesClient(), Owner.current());
            List<Leftovers.Found> found = leftovers.find(ns);
            String where = ns == null ? "any namespace" : "namespace " + ns;
            if (found.isEmpty()) {
                out.println("no ktriage debug pods in " + where + " (" + SessionRunner.context(cluster.describe()) + ")");
                return 0;
            }
            int toDelete = 0;
            int failed = 0;
            for (Leftovers.Found f : found) {
                boolean delete = all || f.verdict().leftOver();
                String verb = !delete ? "kept" : dryRun ? "would delete" : "deleted";
                if (delete && !dryRun) {
                    try {
                        leftovers.delete(f);
                    } catch (RuntimeException e) {
                        verb = "delete failed (" + Errors.oneLine(e) + ")";
                        failed++;
                    }
                }
                if (delete) toDelete++;
                out.println(verb + ": " + f.ref() + " on node " + f.node() + ", created " + f.created() + ": " + f.why());
            }
            out.flush();
            if (failed > 0) return 1;
            return dryRun && toDelete > 0 ? LEFT_OVER : 0;
        }
    }
}
