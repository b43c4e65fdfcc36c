package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.lab.Lab;
import dev.ktriage.lab.LabFixtures;
import dev.ktriage.lab.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ktriage verify` on the seed incident's transcript: live re-reads of the facts its diagnoses rest
 * on, against labs of the same cluster after a fix (the after-fix folders of martian-source), with
 * the old Unhealthy events and martian lines still there, as they are on a real node.
 */
class VerifyCommandTest {

    static final String SEED = "playbooks/failing-probes/scenarios/seed-coredns-cilium-rp-filter";
    static final String FIXED = "playbooks/martian-source/after-fix/fixed";
    static final String RUNNING_ONLY = "playbooks/martian-source/after-fix/running-device-only";

    @TempDir
    Path tmp;
    Path first;

    @BeforeEach
    void recordTheSeedSession() {
        first = tmp.resolve("seed.jsonl");
        Cli r = Cli.run("run", "failing-probes", "--lab", SEED, "--set", "pod=kube-system/coredns-749558f7dd-w6jdj", "--transcript", first.toString());
        assertEquals(0, r.exit(), r.toString());
    }

    private Cli verify(String lab, String transcript, String... more) {
        List<String> args = new ArrayList<>(List.of("verify", first.toString(), "--lab", lab, "--transcript", tmp.resolve(transcript).toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static JsonNode diagnosis(JsonNode round, String id) {
        for (JsonNode d : round.get("diagnoses")) if (d.get("id").asText().equals(id)) return d;
        throw new AssertionError("no diagnosis " + id + " in " + round);
    }

    private static List<String> states(JsonNode d) {
        List<String> out = new ArrayList<>();
        d.get("checks").forEach(c -> out.add(c.get("kind").asText() + ":" + c.get("step").asText() + "=" + c.get("state").asText()));
        return out;
    }

    @Test
    void afterTheFixBothDiagnosesAreFixedAndTheVerifyReplays() {
        Cli r = verify(FIXED, "v.jsonl", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = r.json();
        assertEquals("fixed", j.get("verdict").asText());
        JsonNode round = j.get("rounds").get(0);
        JsonNode rp = diagnosis(round, "rp-filter-strict-on-cni-device");
        assertEquals(List.of("fact:rp-filter=gone", "fact:route=holds", "durable:sysctl-sources=gone"), states(rp));
        assertTrue(rp.get("checks").get(0).get("says").asText().contains("rp_filter on lxc3c160d6c7aa0 is now 0"), rp.toString());
        assertTrue(rp.get("checks").get(2).get("says").asText().contains("in /etc/sysctl.d/99-zzz-override_cilium.conf"), rp.toString());
        assertEquals(List.of("fact:node-route=holds", "fact:pod-spec=gone"), states(diagnosis(round, "node-drops-probe-replies-rp-filter")));
        assertEquals(first.toString(), j.get("verifies").asText(), "the new transcript is linked to the first");

        Cli replay = Cli.run("replay", tmp.resolve("v.jsonl").toString());
        assertEquals(0, replay.exit(), replay.toString());
        assertTrue(replay.out().contains("same checks and verdicts in 1 round(s): fixed"), replay.out());
    }

    @Test
    void onlyTheRunningDeviceChangedIsNotDurableAndNamesTheFile() {
        Cli r = verify(RUNNING_ONLY, "v.jsonl");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.out().contains("rp-filter-strict-on-cni-device (martian-source): NOT DURABLE"), r.out());
        assertTrue(r.out().contains("`net.ipv4.conf.default.rp_filter = 2` in /etc/sysctl.d/10-network-security.conf sets it at boot"), r.out());
        assertTrue(r.out().contains("Verdict: not durable"), r.out());
    }

    @Test
    void beforeAnyFixItIsNotFixed() {
        Cli r = verify(SEED, "v.jsonl", "-o", "json");
        assertEquals(5, r.exit(), r.toString());
        JsonNode round = r.json().get("rounds").get(0);
        assertEquals("not fixed", round.get("verdict").asText());
        assertEquals(List.of("fact:rp-filter=holds", "fact:route=holds", "durable:sysctl-sources=holds"),
                states(diagnosis(round, "rp-filter-strict-on-cni-device")));
    }

    @Test
    void aReadThatFailsIsCouldNotTellNeverFixed(@TempDir Path labs) throws IOException {
        // the fixed lab, but the node does not answer the sysctl read: the fact cannot be re-read
        Path lab = LabFixtures.copy(Path.of(FIXED), labs.resolve("unread"));
        Path node = lab.resolve("nodes/node0.yaml");
        String spec = Files.readString(node);
        // no sysctls to answer from: the scripted answer is a refusal
        spec = spec.substring(0, spec.indexOf("sysctls:")) + spec.substring(spec.indexOf("files:"));
        Files.writeString(node, spec.replace("commands:\n", "commands:\n  - match: \"^sysctl -a.*\"\n    stderr: \"sysctl: permission denied\"\n    exit: 1\n"));
        Cli r = Cli.run("verify", first.toString(), "--lab", lab.toString(), "--transcript", tmp.resolve("v.jsonl").toString(), "-o", "json");
        JsonNode rp = diagnosis(r.json().get("rounds").get(0), "rp-filter-strict-on-cni-device");
        assertEquals("could not tell", rp.get("verdict").asText(), rp.toString());
        assertEquals("unknown", rp.get("checks").get(0).get("state").asText());
        assertTrue(rp.get("checks").get(0).get("says").asText().contains("exited 1"), rp.toString());
        assertEquals(2, r.exit(), "the other diagnosis is fixed, but the worst verdict decides: " + r);
    }

    @Test
    void watchReportsTheRegressionTheMomentItAppears() throws Exception {
        Path watched = tmp.resolve("watch.jsonl");
        try (Lab lab = Lab.start(ScenarioLoader.load(Path.of(FIXED)))) {
            CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("verify", first.toString(),
                    "--kubeconfig", lab.kubeconfig().toString(), "--ssh-config", lab.sshConfig().toString(),
                    "--watch", "20s", "--every", "1s", "--transcript", watched.toString()));
            waitForVerdicts(watched, 4); // two rounds, fixed
            // someone (a tuning DaemonSet, a sysctl -w) puts rp_filter=2 back on the pod's device
            lab.changeNode("node0", ScenarioLoader.load(Path.of(SEED)).nodes().get("node0"));
            Cli r = run.get(60, TimeUnit.SECONDS);
            assertEquals(5, r.exit(), r.toString());
            String out = r.out();
            assertTrue(out.contains("round 1") || out.contains("FIXED"), out);
            assertTrue(out.contains("REGRESSION in round"), out);
            assertTrue(out.contains("the fault came back during the watch"), out);
            String back = out.substring(out.indexOf("REGRESSION"));
            assertTrue(back.contains("rp_filter on lxc3c160d6c7aa0 is now 2"), back);
            assertFalse(out.substring(0, out.indexOf("REGRESSION")).contains("is now 2"), "fixed before the change: " + out);
            String transcript = Files.readString(watched);
            assertTrue(transcript.contains("\"type\":\"verify-end\"") && transcript.contains("\"regressed\":true"), transcript);
        }
        Cli replay = Cli.run("replay", watched.toString());
        assertEquals(0, replay.exit(), replay.toString());
    }

    @Test
    void aTranscriptWithoutADiagnosisIsRefusedInOneLine() {
        Path healthy = tmp.resolve("healthy.jsonl");
        Cli run = Cli.run("run", "martian-source", "--lab", "playbooks/martian-source/scenarios/healthy-no-martians", "--set", "node=node0",
                "--transcript", healthy.toString());
        assertEquals(2, run.exit(), run.toString());
        Cli r = Cli.run("verify", healthy.toString(), "--lab", FIXED, "--transcript", tmp.resolve("v.jsonl").toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("with no diagnosis to verify"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void theKubeletAllowlistIsFixedWhenTheRunningKubeletHasIt() {
        Path kops = tmp.resolve("kops.jsonl");
        Cli run = Cli.run("run", "sysctl-forbidden", "--lab", "playbooks/sysctl-forbidden/scenarios/seed-kops-kubelet-conf-wrong-key",
                "--set", "pod=loadtest/locust-worker-6d8f7c9b54-x2kqp", "--transcript", kops.toString());
        assertEquals(0, run.exit(), run.toString());
        Cli before = Cli.run("verify", kops.toString(), "--lab", "playbooks/sysctl-forbidden/scenarios/seed-kops-kubelet-conf-wrong-key",
                "--transcript", tmp.resolve("k1.jsonl").toString());
        assertEquals(5, before.exit(), before.toString());
        assertTrue(before.out().contains("still does not allow net.core.somaxconn"), before.out());
        Cli after = Cli.run("verify", kops.toString(), "--lab", "playbooks/sysctl-forbidden/after-fix/seed-kops-key-fixed-restarted",
                "--transcript", tmp.resolve("k2.jsonl").toString());
        assertEquals(0, after.exit(), after.toString());
        assertTrue(after.out().contains("allowlist-not-applied (sysctl-forbidden): FIXED"), after.out());
        assertTrue(after.out().contains("delete it so that it is created again"), after.out());
    }

    @Test
    void confAllSetAgainAtBootIsNotDurableUntilALaterFileSetsZero(@TempDir Path labs) throws IOException {
        String rhel = "playbooks/martian-source/scenarios/rhel-cilium-cis-all-strict-martians";
        Path session = tmp.resolve("rhel.jsonl");
        Cli run = Cli.run("run", "martian-source", "--lab", rhel, "--set", "node=rhel9-w1", "--set", "podIP=10.0.1.57", "--transcript", session.toString());
        assertEquals(0, run.exit(), run.toString());
        // sysctl -w net.ipv4.conf.all.rp_filter=0 on the node, while the CIS file still sets 1
        Path lab = LabFixtures.copy(Path.of(rhel), labs.resolve("running-all-0"));
        Path node = lab.resolve("nodes/rhel9-w1.yaml");
        String grep = "  - match: \"^grep -rs rp_filter .*\"\n    stdout: |\n      /etc/sysctl.d/99-cis.conf:net.ipv4.conf.all.rp_filter = 1\n";
        Files.writeString(node, Files.readString(node).replace("net.ipv4.conf.all.rp_filter: \"1\"", "net.ipv4.conf.all.rp_filter: \"0\"")
                .replace("commands:\n", "commands:\n" + grep));
        Cli once = Cli.run("verify", session.toString(), "--lab", lab.toString(), "--transcript", tmp.resolve("r1.jsonl").toString());
        assertEquals(5, once.exit(), once.toString());
        assertTrue(once.out().contains("rp-filter-all-overrides (martian-source): NOT DURABLE"), once.out());
        assertTrue(once.out().contains("at the next boot conf.all.rp_filter is set to 1: `net.ipv4.conf.all.rp_filter = 1` in /etc/sysctl.d/99-cis.conf"), once.out());
        // and the remedy's late file: the last one in name order sets 0
        Files.writeString(node, Files.readString(node).replace(grep, grep + "      /etc/sysctl.d/99-zzz-override_cni.conf:net.ipv4.conf.all.rp_filter = 0\n"));
        Cli fixed = Cli.run("verify", session.toString(), "--lab", lab.toString(), "--transcript", tmp.resolve("r2.jsonl").toString());
        assertEquals(0, fixed.exit(), fixed.toString());
        assertTrue(fixed.out().contains("at the next boot conf.all.rp_filter is set to 0"), fixed.out());
    }

    @Test
    void theDemoSaysHowToVerifyItsSessionAgainstTheLabsAfterAFix() {
        Path demo = tmp.resolve("demo.jsonl");
        Cli d = Cli.run("demo", "--transcript", demo.toString());
        assertEquals(0, d.exit(), d.toString());
        String hint = "After a fix:        ./ktriage verify " + demo + " --lab playbooks/martian-source/after-fix/fixed";
        assertTrue(d.out().contains(hint), d.out());
        Cli v = Cli.run("verify", demo.toString(), "--lab", "playbooks/martian-source/after-fix/fixed", "--transcript", tmp.resolve("v.jsonl").toString());
        assertEquals(0, v.exit(), "the suggested command works as printed: " + v);
    }

    private static void waitForVerdicts(Path transcript, int count) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            if (Files.exists(transcript) && Files.readAllLines(transcript).stream().filter(l -> l.contains("\"type\":\"verify-verdict\"")).count() >= count) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the watch did not make " + count / 2 + " rounds in 30 s");
    }

}
