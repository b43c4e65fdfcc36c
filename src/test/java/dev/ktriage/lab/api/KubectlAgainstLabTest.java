package dev.ktriage.lab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.lab.LabFixtures;
import dev.ktriage.lab.scenario.ScenarioLoader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real kubectl against the lab: if kubectl can work with it, it talks like an API server. */
class KubectlAgainstLabTest {

    private static LabApiServer lab;
    private static Path kubeconfig;

    @TempDir
    static Path tmp;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not on PATH; the lab's kubectl compatibility is not checked");
        lab = LabApiServer.start(ScenarioLoader.load(LabFixtures.dir("basic")));
        kubeconfig = tmp.resolve("kubeconfig");
        lab.writeKubeconfig(kubeconfig);
    }

    @AfterAll
    static void stop() {
        if (lab != null) lab.close();
    }

    @Test
    void getPodsInAllNamespaces() throws Exception {
        Run r = kubectl("get", "pods", "-A");
        assertEquals(0, r.exit(), r.err());
        for (String pod : List.of("coredns-abc", "web-1", "web-2", "job-x")) assertTrue(r.out().contains(pod), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("kube-system\\s+coredns-abc\\s+0/1\\s+Running\\s+3\\s+\\S+")),
                "server-side table columns:\n" + r.out());

        Run paged = kubectl("get", "pods", "-A", "--chunk-size=1", "-o", "name");
        assertEquals(0, paged.exit(), paged.err());
        assertEquals(List.of("pod/job-x", "pod/web-1", "pod/web-2", "pod/coredns-abc"), paged.out().lines().toList());
    }

    @Test
    void getEventsByInvolvedObject() throws Exception {
        Run r = kubectl("get", "events", "-n", "kube-system", "--field-selector", "involvedObject.name=coredns-abc");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("coredns-abc.1") || r.out().contains("Readiness probe failed"), r.out());
        assertFalse(r.out().contains("web-1"), r.out());

        Run none = kubectl("get", "events", "-n", "default", "--field-selector", "reason=NoSuchReason");
        assertEquals(0, none.exit(), none.err());
        assertTrue((none.out() + none.err()).contains("No resources found"), none.out() + none.err());
    }

    @Test
    void describePodShowsItsEvents() throws Exception {
        Run r = kubectl("describe", "pod", "-n", "kube-system", "coredns-abc");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Name:") && r.out().contains("coredns-abc"), r.out());
        assertTrue(r.out().contains("node0"), r.out());
        assertTrue(r.out().contains("Readiness probe failed"), "events found by field selector:\n" + r.out());
    }

    @Test
    void logsWithTailPreviousAndContainer() throws Exception {
        Run tail = kubectl("logs", "-n", "kube-system", "coredns-abc", "--tail=1");
        assertEquals(0, tail.exit(), tail.err());
        assertEquals("[ERROR] plugin/errors: 2 nxdomain\n", tail.out());

        Run previous = kubectl("logs", "-n", "kube-system", "coredns-abc", "--previous");
        assertEquals(0, previous.exit(), previous.err());
        assertEquals("old 1\nold 2\npanic: crashed\n", previous.out());

        Run sidecar = kubectl("logs", "web-1", "-c", "sidecar");
        assertEquals(0, sidecar.exit(), sidecar.err());
        assertEquals("sidecar ready\n", sidecar.out());

        Run noPrevious = kubectl("logs", "web-1", "-c", "app", "--previous");
        assertEquals(1, noPrevious.exit());
        assertTrue(noPrevious.err().contains("previous terminated container \"app\" in pod \"web-1\" not found"), noPrevious.err());
    }

    @Test
    void getRawAndClusterScopedKinds() throws Exception {
        Run raw = kubectl("get", "--raw", "/api/v1/nodes/node0/proxy/configz");
        assertEquals(0, raw.exit(), raw.err());
        assertTrue(raw.out().contains("allowedUnsafeSysctls"), raw.out());

        Run apiservice = kubectl("get", "apiservice", "v1beta1.metrics.k8s.io", "-o", "jsonpath={.status.conditions[0].reason}");
        assertEquals(0, apiservice.exit(), apiservice.err());
        assertEquals("FailedDiscoveryCheck", apiservice.out());

        Run missing = kubectl("get", "pod", "ghost");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("pods \"ghost\" not found"), missing.err());
    }

    @Test
    void authCanIIsAnsweredWithoutRbac() throws Exception {
        Run r = kubectl("auth", "can-i", "list", "events", "-n", "kube-system");
        assertEquals(0, r.exit(), r.err());
        assertEquals("yes", r.out().strip());
    }

    private static Run kubectl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "--request-timeout=10s"));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // kubectl caches discovery under ~/.kube/cache; keep this run's cache private.
        pb.environment().put("KUBECACHEDIR", tmp.resolve("cache").toString());
        pb.environment().put("HOME", tmp.toString());
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
