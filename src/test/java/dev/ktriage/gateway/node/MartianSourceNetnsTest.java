package dev.ktriage.gateway.node;

import dev.ktriage.engine.Outcome;
import dev.ktriage.engine.SessionEngine;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.playbook.ExtractorRegistry;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.PlaybookSources;
import dev.ktriage.ui.batch.BatchOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real node made of Linux network namespaces (root only): a node namespace with a pod's
 * {@code lxc…} veth, a {@code cilium_host}/{@code cilium_net} pair carrying the route to the pods,
 * strict rp_filter on the lxc device and log_martians on, and OpenSSH's sshd inside it. A real
 * packet from the pod namespace makes the kernel log a real martian line; martian-source then
 * diagnoses the node over SSH.
 * <p>
 * Two honest substitutes, because this sandbox is not a systemd host: the node's {@code journalctl}
 * is a shim that prints the kernel ring buffer ({@code dmesg}, where the kernel wrote the martian
 * lines; there is no journal here), and its /etc/sysctl.d is a private bind mount holding the
 * rp_filter file a distribution would ship. Everything else (devices, routes, sysctls, sshd, the
 * packet, the kernel's verdict) is real. Addresses are 10.213.x inside namespaces created here.
 */
class MartianSourceNetnsTest {

    @TempDir
    static Path dir;
    static final String ID = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(4).putInt(ThreadLocalRandom.current().nextInt()).array()).substring(0, 6);
    static final String NODE_NS = "kt-node-" + ID;
    static final String POD_NS = "kt-pod-" + ID;
    static final String LINK = "ktr" + ID;
    static final String LXC = "lxc" + ID + "0a1b";
    static final int POD_OCTET = unusedPodOctet();
    static final String POD_IP = "10.213.1." + POD_OCTET;
    static final String NODE_ADDRESS = "10.213.0.2";
    static OpenSshd sshd;
    static Path clientKey;

    /**
     * The kernel log is the machine's, not the namespace's: martian lines of earlier runs stay in it.
     * A pod address none of them mention keeps this run's packets the only ones the playbook finds.
     */
    static int unusedPodOctet() {
        String log = "";
        try {
            Process p = new ProcessBuilder("dmesg").redirectErrorStream(true).start();
            log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
        } catch (java.io.IOException e) {
            // no dmesg: nothing to avoid
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        java.util.List<Integer> free = new java.util.ArrayList<>();
        for (int octet = 2; octet < 252; octet++) if (!log.contains("from 10.213.1." + octet + ",")) free.add(octet);
        if (free.isEmpty()) return 2 + ThreadLocalRandom.current().nextInt(200);
        return free.get(ThreadLocalRandom.current().nextInt(free.size()));
    }

    @BeforeAll
    static void buildTheNode() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "network namespace node skipped: needs root");
        Optional<String> why = OpenSshd.unavailable();
        Assumptions.assumeTrue(why.isEmpty(), () -> "network namespace node skipped: " + why.orElse(""));
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/bin/dmesg")),
                "network namespace node skipped: unshare or dmesg missing");
        Assumptions.assumeTrue(sh("ip netns add " + NODE_NS) == 0, "network namespace node skipped: ip netns add failed here");
        Path sysctlD = Files.createDirectories(dir.resolve("sysctl.d"));
        Files.writeString(sysctlD.resolve("10-network-security.conf"),
                "# as Ubuntu ships it: strict reverse-path filtering for every device, new ones included\n"
                        + "net.ipv4.conf.default.rp_filter=2\nnet.ipv4.conf.all.rp_filter=2\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path shim = bin.resolve("journalctl");
        Files.writeString(shim, "#!/bin/sh\n# ktriage test node: no systemd journal in this sandbox; the kernel ring buffer holds the kernel log\nexec dmesg\n");
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        String setup = String.join("\n",
                "set -eu",
                "ip netns add " + POD_NS,
                "ip link add " + LINK + " type veth peer name eth0 netns " + NODE_NS,
                "ip addr add 10.213.0.1/30 dev " + LINK, "ip link set " + LINK + " up",
                "n() { ip netns exec " + NODE_NS + " \"$@\"; }",
                "p() { ip netns exec " + POD_NS + " \"$@\"; }",
                "n ip link set lo up", "n ip addr add " + NODE_ADDRESS + "/30 dev eth0", "n ip link set eth0 up",
                // Cilium without endpoint routes: pods are reached via cilium_host, each pod hangs off its own lxc veth
                "n ip link add cilium_host type veth peer name cilium_net",
                "n ip addr add 10.213.1.253/32 dev cilium_host", "n ip link set cilium_host up", "n ip link set cilium_net up",
                "n ip route add 10.213.1.0/24 dev cilium_host",
                "n ip link add " + LXC + " type veth peer name eth0 netns " + POD_NS, "n ip link set " + LXC + " up",
                "p ip link set lo up", "p ip addr add " + POD_IP + "/32 dev eth0", "p ip link set eth0 up", "p ip route add default dev eth0",
                "n sysctl -qw net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.all.log_martians=1 net.ipv4.conf." + LXC + ".rp_filter=1",
                // the pod answers a probe: the reply arrives on the lxc device, the route back leaves by cilium_host
                "p timeout 2 bash -c 'echo > /dev/tcp/10.213.1.253/8080' || true");
        int rc = sh(setup);
        if (rc != 0) throw new IOException("building the namespace node failed (exit " + rc + "), see the test output");
        clientKey = OpenSshd.keygen(dir.resolve("client"), "id_ed25519");
        String mounts = "mount --bind " + sysctlD + " /etc/sysctl.d && mount --bind " + bin + " /usr/local/bin && exec \"$0\" \"$@\"";
        sshd = OpenSshd.launch(dir.resolve("sshd"), clientKey,
                List.of("ip", "netns", "exec", NODE_NS, "unshare", "--mount", "--propagation", "private", "sh", "-c", mounts),
                NODE_ADDRESS, 22);
    }

    @AfterAll
    static void tearDown() {
        if (sshd != null) sshd.close();
        // deleting the namespaces deletes their devices, and with them the host end of the link
        sh("ip netns del " + POD_NS + " 2>/dev/null; ip netns del " + NODE_NS + " 2>/dev/null; ip link del " + LINK + " 2>/dev/null; true");
    }

    @Test
    void martianSourceDiagnosesTheNamespaceNodeOverSsh() throws IOException {
        Path known = dir.resolve("known_hosts");
        Files.writeString(known, sshd.knownHostsLine() + "\n");
        SshSettings settings = new SshSettings(known, List.of(clientKey), false, Duration.ofSeconds(20), Duration.ofSeconds(10));
        PlaybookCatalog catalog = PlaybookCatalog.load(PlaybookSources.builtIn(), ExtractorRegistry.fromClassLoader(getClass().getClassLoader()));
        SessionResult result;
        try (SshNodeGateway nodes = new SshNodeGateway(settings, n -> n.equals("netns-node")
                ? Optional.of(new NodeAddress(NODE_ADDRESS, 22, OpenSshd.user())) : Optional.empty());
             ClusterGateway noCluster = new NoCluster()) {
            result = new SessionEngine(catalog, noCluster, nodes, new BatchOperator(Map.of()), new SessionListener() { }, "default")
                    .run("martian-source", Map.of("node", "netns-node", "podIP", POD_IP));
        }
        assertEquals(Outcome.DIAGNOSED, result.outcome(), result::toString);
        assertEquals("rp-filter-strict-on-cni-device", result.diagnoses().get(0).id(), result::toString);
        String summary = result.diagnoses().get(0).summary();
        assertTrue(summary.contains(LXC) && summary.contains("cilium_host") && summary.contains("10-network-security.conf"), summary);
    }

    /** martian-source reads only the node; a cluster call would be a bug in this test. */
    private static final class NoCluster implements ClusterGateway {
        @Override public ClusterAnswer query(ClusterRequest request) {
            return ClusterAnswer.failed(GatherStatus.ERROR, 0, "no cluster in this test", 0);
        }
        @Override public String describe() {
            return "none";
        }
        @Override public void close() { }
    }

    private static int sh(String script) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of("bash", "-c", script))).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            if (p.exitValue() != 0) System.err.println(out);
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
