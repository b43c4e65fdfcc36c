package dev.ktriage.gateway.debugpod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.gateway.NodeCommand;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The debug pod as kubectl debug node --profile=sysadmin makes it, its command line, the config, and which leftovers may go. */
class DebugPodSpecTest {

    private static final Owner ME = new Owner("oncall", "laptop", ProcessHandle.current().pid());

    @Test
    void thePodIsKubectlsSysadminNodeDebugPodWithAnEndAndAnOwner() {
        Pod p = DebugPodSpec.pod("node-debugger-n1-abcde", "n1", DebugPodSettings.defaults("kube-system"), ME, Instant.parse("2026-12-04T10:00:00Z"));
        assertEquals("kube-system", p.getMetadata().getNamespace());
        assertEquals("ktriage", p.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
        assertEquals("oncall@laptop", p.getMetadata().getAnnotations().get("ktriage.dev/owner"));
        assertEquals(Long.toString(ME.pid()), p.getMetadata().getAnnotations().get("ktriage.dev/pid"));
        assertEquals("n1", p.getSpec().getNodeName());
        assertEquals("Never", p.getSpec().getRestartPolicy());
        assertTrue(p.getSpec().getHostNetwork() && p.getSpec().getHostPID() && p.getSpec().getHostIPC());
        assertEquals("Exists", p.getSpec().getTolerations().get(0).getOperator());
        assertEquals("/", p.getSpec().getVolumes().get(0).getHostPath().getPath());
        assertFalse(p.getSpec().getAutomountServiceAccountToken());
        assertEquals(900L, p.getSpec().getActiveDeadlineSeconds());
        Container c = p.getSpec().getContainers().get(0);
        assertEquals("debugger", c.getName());
        assertEquals("busybox:1.36", c.getImage());
        assertEquals(List.of("sleep", "900"), c.getCommand());
        assertEquals("/host", c.getVolumeMounts().get(0).getMountPath());
        assertTrue(c.getSecurityContext().getPrivileged());
    }

    @Test
    void namesAreKubectlsAndStayValidLabels() {
        String a = DebugPodSpec.name("ip-10-0-1-5.eu-west-1.compute.internal");
        assertTrue(a.matches("node-debugger-ip-10-0-1-5-eu-west-1-compute-internal-[a-z0-9]{5}"), a);
        String longName = DebugPodSpec.name("n".repeat(80));
        assertTrue(longName.length() <= 63 && longName.matches("[a-z0-9-]+"), longName);
        assertNotEquals(DebugPodSpec.name("n1"), DebugPodSpec.name("n1"));
    }

    @Test
    void aCommandRunsIntoTheNodesRootBoundedAndInTheCLocaleAsOneArgumentVector() {
        NodeCommand c = new NodeCommand("n1", List.of("cat", "/proc/sys/net/ipv4/conf/all/rp_filter"), true, 10);
        assertEquals(List.of("chroot", "/host", "timeout", "10", "env", "LC_ALL=C", "cat", "/proc/sys/net/ipv4/conf/all/rp_filter"),
                DebugPods.execArgv(c));
        NodeCommand hostile = new NodeCommand("n1", List.of("grep", "-F", "$(reboot); rm -rf /", "/var/log/x"), false, 5);
        assertEquals("$(reboot); rm -rf /", DebugPods.execArgv(hostile).get(8), "an argument stays one argument: no shell reads it");
    }

    @Test
    void theConfigSetsImageNamespaceDeadlineAndReadOnlyContexts(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("config.yaml");
        Files.writeString(f, "ssh:\n  nodes: {}\ndebugPod:\n  image: mirror/busybox:1\n  namespace: ktriage-debug\n  deadlineSeconds: 300\n"
                + "contexts:\n  prod-eu: {readOnly: true}\n  dev: {readOnly: false}\n");
        DebugPodConfig c = DebugPodConfig.load(f);
        DebugPodSettings s = c.applyTo(DebugPodSettings.defaults("default"));
        assertEquals("mirror/busybox:1", s.image());
        assertEquals("ktriage-debug", s.namespace());
        assertEquals(300, s.deadlineSeconds());
        assertTrue(c.readOnly("prod-eu"));
        assertFalse(c.readOnly("dev"));
        Files.writeString(f, "debugPod:\n  imag: x\n");
        String e = assertThrows(RuntimeException.class, () -> DebugPodConfig.load(f)).getMessage();
        assertTrue(e.contains("config.yaml:2") && e.contains("imag"), e);
        Files.writeString(f, "debugPod:\n  deadlineSeconds: 5\n");
        e = assertThrows(RuntimeException.class, () -> DebugPodConfig.load(f)).getMessage();
        assertTrue(e.contains("at least 60"), e);
    }

    @Test
    void onlyPodsWhoseKtriageIsGoneOrThatEndedAreLeftOver() throws Exception {
        Leftovers l = new Leftovers(null, ME);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertEquals(Leftovers.Verdict.LEFT_BEHIND, l.judge(pod("oncall@laptop", gone.pid(), "Running", false)).verdict());
        assertEquals(Leftovers.Verdict.IN_USE, l.judge(pod("oncall@laptop", ME.pid(), "Running", false)).verdict());
        assertEquals(Leftovers.Verdict.SOMEONE_ELSES, l.judge(pod("alice@desk", gone.pid(), "Running", false)).verdict());
        assertEquals(Leftovers.Verdict.ENDED, l.judge(pod("alice@desk", 1, "Failed", false)).verdict());
        assertEquals(Leftovers.Verdict.BEING_DELETED, l.judge(pod("oncall@laptop", gone.pid(), "Running", true)).verdict());
        assertTrue(l.judge(pod("oncall@laptop", gone.pid(), "Running", false)).why().contains("pid " + gone.pid() + " on oncall@laptop) is gone"));
    }

    private static Pod pod(String owner, long pid, String phase, boolean deleting) {
        return new PodBuilder().withNewMetadata().withName("node-debugger-n1-x").withNamespace("default")
                .addToAnnotations("ktriage.dev/owner", owner).addToAnnotations("ktriage.dev/pid", Long.toString(pid))
                .withDeletionTimestamp(deleting ? "2026-12-04T10:00:00Z" : null).endMetadata()
                .withNewSpec().withNodeName("n1").endSpec().withNewStatus().withPhase(phase).endStatus().build();
    }
}
