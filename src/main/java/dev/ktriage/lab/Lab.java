package dev.ktriage.lab;

import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.gateway.cluster.Fabric8ClusterGateway;
import dev.ktriage.lab.api.LabApiServer;
import dev.ktriage.lab.scenario.Scenario;
import dev.ktriage.lab.ssh.LabSshServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A scenario brought to life: an in-process Kubernetes API server and an in-process SSH server,
 * reached through the same fabric8 and sshj code ktriage uses against real clusters.
 */
public final class Lab implements AutoCloseable {

    private final Scenario scenario;
    private final Path workDir;
    private final LabApiServer api;
    private final LabSshServer ssh;
    /** Set when the lab made its own temp folder: removed on close, or when the JVM stops (Ctrl-C). */
    private final Thread removeWorkDir;

    private Lab(Scenario scenario, Path workDir, LabApiServer api, LabSshServer ssh, boolean ownsWorkDir) {
        this.scenario = scenario;
        this.workDir = workDir;
        this.api = api;
        this.ssh = ssh;
        this.removeWorkDir = ownsWorkDir ? new Thread(() -> TempFolders.remove(workDir), "lab-cleanup") : null;
        if (removeWorkDir != null) Runtime.getRuntime().addShutdownHook(removeWorkDir);
    }

    /** Starts both servers with a temp folder of its own for their files, removed when the lab closes. */
    public static Lab start(Scenario scenario) {
        Path dir = TempFolders.create("ktriage-lab-");
        try {
            return start(scenario, dir, true);
        } catch (RuntimeException e) {
            TempFolders.remove(dir);
            throw e;
        }
    }

    /** Starts both servers; {@code workDir} receives the kubeconfig, ssh config, keys and known_hosts. */
    public static Lab start(Scenario scenario, Path workDir) {
        return start(scenario, workDir, false);
    }

    private static Lab start(Scenario scenario, Path workDir, boolean ownsWorkDir) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create lab folder " + workDir + ": " + e.getMessage(), e);
        }
        LabSshServer ssh;
        try {
            ssh = LabSshServer.start(scenario.nodes(), workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the lab's SSH server: " + e.getMessage(), e);
        }
        try {
            // the API server proxies node log queries to the nodes' kubelets: the same answers as over SSH
            LabApiServer api = LabApiServer.start(scenario, ssh);
            try {
                api.writeKubeconfig(kubeconfigPath(workDir));
            } catch (RuntimeException e) {
                api.close();
                throw e;
            }
            return new Lab(scenario, workDir, api, ssh, ownsWorkDir);
        } catch (RuntimeException e) {
            ssh.close();
            throw e;
        }
    }

    private static Path kubeconfigPath(Path workDir) {
        return workDir.resolve("kubeconfig");
    }

    public Fabric8ClusterGateway clusterGateway(Duration timeout) {
        return Fabric8ClusterGateway.forUrl(api.url(), timeout);
    }

    public NodeGateway nodeGateway() {
        return LabNodeGateway.open(ssh);
    }

    /**
     * A node's state changes while the lab runs, as a fix or a regression would on a real node: it
     * answers as {@code now} from its next command on (the cluster's objects stay as they are).
     */
    public void changeNode(String node, dev.ktriage.lab.scenario.NodeSpec now) {
        ssh.changeNode(node, now);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Path kubeconfig() {
        return kubeconfigPath(workDir);
    }

    public Path sshConfig() {
        return ssh.sshConfigFile();
    }

    public String apiUrl() {
        return api.url();
    }

    /** ktriage's debug pods the lab's API server has now, as "NAMESPACE/NAME" ({@code --node-access debug-pod}). */
    public List<String> debugPods() {
        return api.debugPods();
    }

    /** API requests served since the lab was loaded (benchmarks count them). */
    public int apiRequests() {
        return api.requestCount();
    }

    /** How many commands the lab's nodes have received, answered or not. */
    public int nodeCommands() {
        return ssh.commandCount();
    }

    /** Node commands the scenario did not answer, for scenario authors. */
    public List<String> unansweredCommands() {
        return ssh.unansweredCommands();
    }

    @Override
    public void close() {
        try {
            ssh.close();
        } finally {
            api.close();
            if (removeWorkDir != null) {
                TempFolders.remove(workDir);
                try {
                    Runtime.getRuntime().removeShutdownHook(removeWorkDir);
                } catch (IllegalStateException stopping) {
                    // the JVM is already stopping: the hook runs and finds nothing left
                }
            }
        }
    }
}
