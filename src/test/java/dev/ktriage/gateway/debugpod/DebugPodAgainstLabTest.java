package dev.ktriage.gateway.debugpod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.gateway.NodeSession;
import dev.ktriage.lab.Lab;
import dev.ktriage.lab.LabFixtures;
import dev.ktriage.lab.scenario.ScenarioLoader;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debug pods through fabric8 against the lab's API server: created, run, answered as the node
 * answers over SSH, and deleted; left behind by a process that is gone and swept by the next.
 */
class DebugPodAgainstLabTest {

    private static final Path SEED = Path.of(System.getProperty("ktriage.root", "."), "playbooks", "failing-probes", "scenarios",
            "seed-coredns-cilium-rp-filter");

    private Lab lab;
    private KubernetesClient client;
    private final Recorder session = new Recorder();

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        lab = Lab.start(ScenarioLoader.load(SEED));
        client = lab.clusterGateway(Duration.ofSeconds(10)).kubernetesClient();
    }

    @AfterEach
    void stop() {
        if (lab != null) lab.close();
    }

    /** Records what a node gateway writes to the session's transcript. */
    static final class Recorder implements NodeSession {
        final List<Map<String, String>> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void record(String type, Map<String, String> fields) {
            assertEquals("debug-pod", type);
            lines.add(fields);
        }

        @Override
        public Optional<String> consent(String id, String question) {
            return Optional.of("nobody is asked in this test");
        }

        List<String> actions() {
            synchronized (lines) {
                return lines.stream().map(f -> f.get("action")).toList();
            }
        }
    }

    private DebugPodNodeGateway gateway(DebugPodSettings settings, Owner owner) {
        return new DebugPodNodeGateway(client, settings, DebugPodNodeGateway.Consent.GIVEN, owner);
    }

    private static NodeCommand command(String node, String... argv) {
        return new NodeCommand(node, List.of(argv), false, 10);
    }

    @Test
    void answersAsTheNodeDoesOverSshAndDeletesItsPodAtTheEnd() {
        NodeCommand route = command("node0", "ip", "route", "get", "10.0.0.113");
        NodeCommand missing = command("node0", "sysctl", "-n", "net.ipv4.conf.nosuch0.rp_filter");
        NodeAnswer overSsh;
        NodeAnswer missingOverSsh;
        try (NodeGateway ssh = lab.nodeGateway()) {
            overSsh = ssh.run(route);
            missingOverSsh = ssh.run(missing);
        }
        NodeAnswer viaPod;
        NodeAnswer missingViaPod;
        try (DebugPodNodeGateway pods = gateway(DebugPodSettings.defaults("default"), Owner.current())) {
            try (NodeSession.End end = pods.begin(session)) {
                viaPod = pods.run(route);
                missingViaPod = pods.run(missing);
                assertEquals(1, lab.debugPods().size(), "one pod per node, reused: " + lab.debugPods());
                Pod pod = client.pods().inNamespace("default").withLabel(DebugPodSpec.MANAGED_BY, DebugPodSpec.MANAGER).list().getItems().get(0);
                assertEquals("node0", pod.getSpec().getNodeName());
                assertEquals("Running", pod.getStatus().getPhase());
            }
        }
        assertEquals(GatherStatus.OK, overSsh.status(), overSsh.reason());
        assertEquals(GatherStatus.OK, viaPod.status(), viaPod.reason());
        assertEquals(overSsh.stdout(), viaPod.stdout());
        assertTrue(viaPod.stdout().contains("10.0.0.113"), viaPod.stdout());
        assertEquals(missingOverSsh.exitCode(), missingViaPod.exitCode(), missingViaPod.toString());
        assertTrue(missingViaPod.exitCode() != 0, "a failed command keeps its exit code: " + missingViaPod);
        assertEquals(missingOverSsh.stderr(), missingViaPod.stderr());
        assertEquals(List.of(), lab.debugPods(), "the session's end deletes its pods");
        assertEquals(List.of("consented", "created", "deleted"), session.actions());
    }

    @Test
    void aCommandSlowerThanItsTimeoutEndsAsTimeoutDoes() throws Exception {
        Lab slow = Lab.start(ScenarioLoader.load(LabFixtures.slowSeed(tmp.resolve("slow"))));
        try (slow) {
            KubernetesClient c = slow.clusterGateway(Duration.ofSeconds(10)).kubernetesClient();
            try (DebugPodNodeGateway pods = new DebugPodNodeGateway(c, DebugPodSettings.defaults("default"), DebugPodNodeGateway.Consent.GIVEN);
                 NodeSession.End end = pods.begin(session)) {
                NodeAnswer a = pods.run(new NodeCommand("node0", List.of("ip", "route", "get", "10.0.0.113"), false, 1));
                assertEquals(GatherStatus.TIMEOUT, a.status(), a.toString());
                assertTrue(a.reason().contains("exit 124"), a.reason());
            }
            assertEquals(List.of(), slow.debugPods());
        }
    }

    @Test
    void aPodThatNeverRunsIsAFailedReadAndIsDeleted() {
        DebugPodSettings settings = DebugPodSettings.defaults("default").withStartTimeout(Duration.ofSeconds(1));
        try (DebugPodNodeGateway pods = gateway(settings, Owner.current()); NodeSession.End end = pods.begin(session)) {
            NodeAnswer a = pods.run(command("node-gone", "uname", "-r"));
            assertEquals(GatherStatus.TIMEOUT, a.status(), a.toString());
            assertTrue(a.reason().contains("was not running after 1 s (phase Pending)"), a.reason());
            assertEquals(List.of(), lab.debugPods(), "deleted as soon as it failed to start");
            NodeAnswer again = pods.run(command("node-gone", "uname", "-a"));
            assertEquals(a.reason(), again.reason(), "the node's failure stands for the session: no second pod");
        }
        assertEquals(List.of("consented", "created", "start-failed", "deleted"), session.actions());
    }

    /** A node that does not exist, or whose kubelet is gone, never starts the pod: said in seconds, not after the start timeout. */
    @Test
    void aNodeThatCannotStartThePodIsSaidAtOnce() throws Exception {
        try (DebugPodNodeGateway pods = gateway(DebugPodSettings.defaults("default"), Owner.current()); NodeSession.End end = pods.begin(session)) {
            NodeAnswer a = pods.run(command("node-gone", "uname", "-r"));
            assertEquals(GatherStatus.UNREACHABLE, a.status(), a.toString());
            assertTrue(a.reason().endsWith("cannot start: node node-gone does not exist (nodes \"node-gone\" not found)"), a.reason());
            assertTrue(a.millis() < 15_000, "not the 60 s start timeout: " + a.millis() + " ms");
        }
        assertEquals(List.of(), lab.debugPods());

        Path dir = LabFixtures.copy(SEED, tmp.resolve("kubelet-gone"));
        Path cluster = dir.resolve("cluster.yaml");
        String text = java.nio.file.Files.readString(cluster);
        String ready = "    - {type: Ready, status: \"True\", reason: KubeletReady}\n";
        assertTrue(text.contains(ready), "the seed's node0 is Ready");
        java.nio.file.Files.writeString(cluster, text.replace(ready, "    - {type: Ready, status: \"Unknown\", reason: NodeStatusUnknown,"
                + " message: \"Kubelet stopped posting node status.\", lastTransitionTime: \"2021-12-09T06:50:00Z\"}\n"));
        try (Lab silent = Lab.start(ScenarioLoader.load(dir))) {
            KubernetesClient k = silent.clusterGateway(Duration.ofSeconds(10)).kubernetesClient();
            try (DebugPodNodeGateway pods = new DebugPodNodeGateway(k, DebugPodSettings.defaults("default"), DebugPodNodeGateway.Consent.GIVEN);
                 NodeSession.End end = pods.begin(NodeSession.NONE)) {
                NodeAnswer a = pods.run(command("node0", "ip", "route", "get", "10.0.0.113"));
                assertEquals(GatherStatus.UNREACHABLE, a.status(), a.toString());
                assertTrue(a.reason().endsWith("cannot start: node node0 is Ready=Unknown (NodeStatusUnknown: Kubelet stopped posting node status.)"
                        + " since 2021-12-09T06:50:00Z: its kubelet is not posting status, so nothing starts a pod there; reach the node over SSH"), a.reason());
            }
            assertEquals(List.of(), silent.debugPods());
        }
    }

    @Test
    void aPodLeftByAProcessThatIsGoneIsSweptByTheNextSession() {
        Owner current = Owner.current();
        Owner gone = new Owner(current.user(), current.host(), deadPid());
        DebugPodNodeGateway first = gateway(DebugPodSettings.defaults("default"), gone);
        first.begin(NodeSession.NONE);
        assertEquals(GatherStatus.OK, first.run(command("node0", "ip", "route", "get", "10.0.0.113")).status());
        // killed with -9: no end of session, no shutdown hook
        List<String> left = lab.debugPods();
        assertEquals(1, left.size());

        try (DebugPodNodeGateway next = gateway(DebugPodSettings.defaults("default"), current); NodeSession.End end = next.begin(session)) {
            assertEquals(GatherStatus.OK, next.run(command("node0", "ip", "route", "get", "10.0.0.113")).status());
            assertTrue(!lab.debugPods().contains(left.get(0)), "swept: " + lab.debugPods());
        }
        assertEquals(List.of(), lab.debugPods());
        assertEquals(List.of("consented", "swept", "created", "deleted"), session.actions());
        assertEquals(left.get(0), session.lines.get(1).get("pod"));
    }

    /** A seed whose namespace NS enforces Pod Security LEVEL (a label on its Namespace, as on a hardened cluster). */
    private Lab enforcing(String ns, String level) throws java.io.IOException {
        Path dir = LabFixtures.copy(SEED, tmp.resolve(level));
        java.nio.file.Files.writeString(dir.resolve("cluster.yaml"), java.nio.file.Files.readString(dir.resolve("cluster.yaml"))
                + "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n  labels:\n"
                + "    pod-security.kubernetes.io/enforce: " + level + "\n");
        return Lab.start(ScenarioLoader.load(dir));
    }

    @Test
    void aNamespaceWhosePodSecurityRefusesThePodSaysWhichToUseAndTriesOnce() throws Exception {
        String baseline = "violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true, hostPID=true, hostIPC=true),"
                + " hostPath volumes (volume \"host-root\"), privileged (container \"debugger\" must not set securityContext.privileged=true)";
        String restricted = "violates PodSecurity \"restricted:latest\": host namespaces (hostNetwork=true, hostPID=true, hostIPC=true),"
                + " privileged (container \"debugger\" must not set securityContext.privileged=true),"
                + " allowPrivilegeEscalation != false (container \"debugger\" must set securityContext.allowPrivilegeEscalation=false),"
                + " unrestricted capabilities (container \"debugger\" must set securityContext.capabilities.drop=[\"ALL\"]),"
                + " restricted volume types (volume \"host-root\" uses restricted volume type \"hostPath\"),"
                + " runAsNonRoot != true (pod or container \"debugger\" must set securityContext.runAsNonRoot=true),"
                + " seccompProfile (pod or container \"debugger\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")";
        for (String[] c : new String[][] {{"baseline", baseline}, {"restricted", restricted}}) {
            Recorder recorded = new Recorder();
            try (Lab hardened = enforcing("default", c[0])) {
                KubernetesClient k = hardened.clusterGateway(Duration.ofSeconds(10)).kubernetesClient();
                try (DebugPodNodeGateway pods = new DebugPodNodeGateway(k, DebugPodSettings.defaults("default"), DebugPodNodeGateway.Consent.GIVEN);
                     NodeSession.End end = pods.begin(recorded)) {
                    NodeAnswer a = pods.run(command("node0", "ip", "route", "get", "10.0.0.113"));
                    assertEquals(GatherStatus.FORBIDDEN, a.status(), a.toString());
                    assertTrue(a.reason().matches("node node0: cannot create debug pod default/node-debugger-node0-[a-z0-9]{5}: pods \"node-debugger-node0-[a-z0-9]{5}\""
                            + " is forbidden: .*"), a.reason());
                    assertTrue(a.reason().contains(" is forbidden: " + c[1] + " (a debug pod is privileged with host namespaces and the node's root:"
                            + " give --debug-pod-namespace a namespace labelled pod-security.kubernetes.io/enforce=privileged)"), a.reason());
                    assertEquals(a.reason(), pods.run(command("node0", "uname", "-r")).reason(), "refused once, for the session");
                    assertEquals(List.of(), hardened.debugPods());
                }
                // the same cluster, a namespace that admits it
                try (DebugPodNodeGateway pods = new DebugPodNodeGateway(k, DebugPodSettings.defaults("kube-system"), DebugPodNodeGateway.Consent.GIVEN);
                     NodeSession.End end = pods.begin(recorded)) {
                    assertEquals(GatherStatus.OK, pods.run(command("node0", "ip", "route", "get", "10.0.0.113")).status());
                }
                assertEquals(List.of(), hardened.debugPods());
            }
            assertEquals(List.of("consented", "create-failed", "consented", "created", "deleted"), recorded.actions(), c[0]);
        }
    }

    @Test
    void theLabTakesNoOtherWrite() {
        Pod other = new PodBuilder().withNewMetadata().withName("not-ours").withNamespace("default").endMetadata()
                .withNewSpec().withNodeName("node0").addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().build();
        KubernetesClientException created = org.junit.jupiter.api.Assertions.assertThrows(KubernetesClientException.class,
                () -> client.pods().inNamespace("default").resource(other).create());
        assertEquals(405, created.getCode());
        KubernetesClientException deleted = org.junit.jupiter.api.Assertions.assertThrows(KubernetesClientException.class,
                () -> client.pods().inNamespace("kube-system").withName("coredns-749558f7dd-w6jdj").withGracePeriod(0).delete());
        assertEquals(405, deleted.getCode());
        assertTrue(client.pods().inNamespace("kube-system").withName("coredns-749558f7dd-w6jdj").get() != null);
    }

    /** A pid no process of this machine has. */
    private static long deadPid() {
        long pid = 4_000_000;
        while (ProcessHandle.of(pid).isPresent()) pid++;
        return pid;
    }
}
