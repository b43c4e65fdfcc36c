package dev.ktriage.cli;

import static dev.ktriage.cli.FleetLabs.HEALTHY;
import static dev.ktriage.cli.FleetLabs.SEED;
import static dev.ktriage.cli.FleetLabs.SEED_POD;
import static dev.ktriage.cli.FleetLabs.UNREADABLE;
import static dev.ktriage.cli.FleetLabs.WEB_POD;
import static dev.ktriage.cli.FleetLabs.WRONG_PATH;
import static dev.ktriage.cli.FleetLabs.WRONG_PATH_POD;
import static dev.ktriage.cli.FleetLabs.lab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ktriage fleet` over several labs or kubeconfig contexts, and `ktriage aggregate` of what it wrote. */
class FleetCommandTest {

    @TempDir
    Path tmp;

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }

    private static String[] threeLabs(Path transcripts, String... more) {
        List<String> args = new ArrayList<>(List.of("fleet", "failing-probes", "--lab", lab(SEED), "--lab", lab(HEALTHY), "--lab", lab(UNREADABLE),
                "--set", "pod=" + WEB_POD, "--set-in", SEED + ":pod=" + SEED_POD, "--transcripts", transcripts.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Three labs with different ends: one diagnosed (two ids), one healthy, one could-not-tell; exit 4; aggregate says the same. */
    @Test
    void threeLabsGroupByDiagnosisAndAggregateOfTheirTranscriptsIsTheSameSummary() throws Exception {
        Path dir = tmp.resolve("fleet");
        Cli r = Cli.run(threeLabs(dir, "--parallel", "2", "-o", "json"));
        assertEquals(4, r.exit(), r.toString());
        JsonNode s = r.json();
        assertEquals(1, s.get("schemaVersion").asInt());
        assertEquals(3, s.get("contexts").asInt());
        assertEquals(4, s.get("exitCode").asInt());
        JsonNode diagnosed = s.get("diagnosed");
        assertEquals(List.of("node-drops-probe-replies-rp-filter", "rp-filter-strict-on-cni-device"), texts(diagnosed, "id"), r.out());
        for (JsonNode g : diagnosed) {
            assertEquals(List.of(SEED), texts(g.get("contexts"), "context"));
            assertTrue(g.get("contexts").get(0).get("evidence").asText().startsWith("Pod " + SEED_POD + " runs on node0"), r.out());
            assertTrue(!g.get("title").asText().isEmpty());
        }
        assertEquals(List.of(HEALTHY), texts(s.get("healthy"), "context"));
        assertEquals(List.of(UNREADABLE), texts(s.get("couldNotTell"), "context"));
        assertTrue(s.get("couldNotTell").get(0).get("reason").asText().contains("step 'probe-events' inconclusive"), r.out());
        assertEquals(0, s.get("errors").size());
        assertEquals(List.of(UNREADABLE, HEALTHY, SEED), texts(s.get("sessions"), "context"), "sorted by context");
        assertEquals(SEED_POD, s.get("sessions").get(2).get("inputs").get("pod").asText(), "--set-in wins over --set");
        assertEquals(WEB_POD, s.get("sessions").get(1).get("inputs").get("pod").asText());
        for (String name : List.of(SEED, HEALTHY, UNREADABLE)) {
            Path t = dir.resolve(name + ".jsonl");
            assertTrue(Files.isRegularFile(t), "one transcript per context, named after it: " + t);
            assertTrue(Files.readAllLines(t).get(0).contains("\"context\":\"" + name + "\""), "the session line records the context");
        }
        assertTrue(FleetLabs.mostAtOnce(r.err()) <= 2, "--parallel 2 ran more at once:\n" + r.err());
        assertTrue(r.err().contains("fleet: " + SEED + ": diagnosed rp-filter-strict-on-cni-device, node-drops-probe-replies-rp-filter (failing-probes, "), r.err());
        assertTrue(r.err().contains("fleet: " + HEALTHY + ": healthy (failing-probes, "), r.err());

        // transcripts made anywhere: the folder, or the files in any order
        Cli a = Cli.run("aggregate", dir.toString(), "-o", "json");
        assertEquals(4, a.exit(), a.toString());
        assertEquals(r.out(), a.out(), "aggregate of fleet's transcripts is fleet's summary");
        Cli files = Cli.run("aggregate", dir.resolve(UNREADABLE + ".jsonl").toString(), dir.resolve(SEED + ".jsonl").toString(),
                dir.resolve(HEALTHY + ".jsonl").toString(), "-o", "json");
        assertEquals(r.out(), files.out());
    }

    /** --parallel 1: each member ends before the next starts; the text and Markdown summaries are aggregate's too. */
    @Test
    void parallelOneRunsOneContextAtATimeAndTextIsAggregatesText() {
        Path dir = tmp.resolve("one");
        Cli r = Cli.run(threeLabs(dir, "--parallel", "1"));
        assertEquals(4, r.exit(), r.toString());
        assertEquals(1, FleetLabs.mostAtOnce(r.err()), r.err());
        List<String> progress = r.err().lines().filter(l -> l.startsWith("fleet: ")).toList();
        assertEquals(6, progress.size(), r.err());
        for (int i = 0; i < 6; i += 2) {
            assertTrue(progress.get(i).endsWith(": started"), r.err());
            String member = progress.get(i).substring("fleet: ".length(), progress.get(i).length() - ": started".length());
            assertTrue(progress.get(i + 1).startsWith("fleet: " + member + ": "), r.err());
        }
        assertTrue(r.out().startsWith("Fleet: 3 contexts: 1 diagnosed, 1 healthy, 1 could not tell, 0 errors\n"), r.out());
        assertTrue(r.out().contains("\nDiagnosed:\n  node-drops-probe-replies-rp-filter (1 context): The node drops"), r.out());
        assertTrue(r.out().contains("\n    " + SEED + ": Pod " + SEED_POD + " runs on node0"), r.out());
        assertTrue(r.out().contains("\nHealthy:\n  " + HEALTHY + " (failing-probes): "), r.out());
        assertTrue(r.out().contains("\nCould not tell:\n  " + UNREADABLE + " (failing-probes): step 'probe-events' inconclusive"), r.out());
        Cli a = Cli.run("aggregate", dir.toString());
        assertEquals(4, a.exit());
        assertEquals(r.out(), a.out());
        Cli md = Cli.run("aggregate", dir.toString(), "-o", "markdown");
        assertTrue(md.out().startsWith("# Fleet summary\n"), md.out());
        assertTrue(md.out().contains("### `rp-filter-strict-on-cni-device`: "), md.out());
        assertTrue(md.out().contains("| " + HEALTHY + " | failing-probes | No probe failures"), md.out());
    }

    /**
     * Real kubeconfig contexts: three labs started here behind one kubeconfig, one fabric8 client per context;
     * a context the kubeconfig lacks is an error context with a transcript of its own. Only playbook runs that
     * need no SSH: a kubeconfig context reaches nodes through the operator's ssh config, which knows no lab node.
     */
    @Test
    void kubeconfigContextsEachGetTheirOwnClientAndAMissingOneIsAnError() throws Exception {
        try (FleetLabs labs = FleetLabs.start(WRONG_PATH, HEALTHY, UNREADABLE)) {
            Path kubeconfig = labs.kubeconfig(tmp.resolve("kubeconfig"));
            Path dir = tmp.resolve("contexts");
            Cli r = Cli.run("fleet", "failing-probes", "--kubeconfig", kubeconfig.toString(),
                    "--contexts", WRONG_PATH + "," + HEALTHY, "--contexts", UNREADABLE + ",missing",
                    "--set", "pod=" + WEB_POD, "--set-in", WRONG_PATH + ":pod=" + WRONG_PATH_POD, "--transcripts", dir.toString(), "-o", "json");
            assertEquals(4, r.exit(), r.toString());
            JsonNode s = r.json();
            assertEquals(List.of("probe-wrong-path"), texts(s.get("diagnosed"), "id"), r.out());
            assertEquals(List.of(WRONG_PATH), texts(s.get("diagnosed").get(0).get("contexts"), "context"));
            assertEquals(List.of(HEALTHY), texts(s.get("healthy"), "context"));
            assertEquals(List.of(UNREADABLE), texts(s.get("couldNotTell"), "context"));
            assertEquals(List.of("missing"), texts(s.get("errors"), "context"));
            assertTrue(s.get("errors").get(0).get("reason").asText().contains("context 'missing' not found"), r.out());
            assertTrue(r.err().contains("fleet: missing: error: context 'missing' not found"), r.err());
            Cli a = Cli.run("aggregate", dir.toString(), "-o", "json");
            assertEquals(r.out(), a.out());

            // --all-contexts: every context of the kubeconfig; nothing diagnosed and no error is exit 0
            Cli all = Cli.run("fleet", "failing-probes", "--kubeconfig", kubeconfig.toString(), "--all-contexts", "--set", "pod=" + WEB_POD,
                    "--transcripts", tmp.resolve("all").toString(), "-o", "json");
            // (the web pod is not in the wrong-path lab: could-not-tell there)
            assertEquals(0, all.exit(), all.toString());
            JsonNode j = all.json();
            assertEquals(3, j.get("contexts").asInt(), all.out());
            assertEquals(0, j.get("diagnosed").size(), all.out());
            assertEquals(List.of(UNREADABLE, WRONG_PATH), texts(j.get("couldNotTell"), "context"), all.out());
        }
    }

    /** An error and no diagnosis: exit 1; bad usage: exit 1 with one line. */
    @Test
    void errorsWithoutADiagnosisExitOneAndUsageIsChecked() throws Exception {
        Path kubeconfig = tmp.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: only, context: {cluster: c, user: u}}]
                current-context: only
                """);
        Cli r = Cli.run("fleet", "failing-probes", "--kubeconfig", kubeconfig.toString(), "--contexts", "gone", "--set", "pod=a/b",
                "--transcripts", tmp.resolve("t").toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("\nErrors:\n  gone (failing-probes): context 'gone' not found"), r.out());
        assertTrue(Files.isRegularFile(tmp.resolve("t/gone.jsonl")), "the error context has a transcript");
        assertEquals(1, Cli.run("aggregate", tmp.resolve("t").toString()).exit());

        Cli none = Cli.run("fleet", "failing-probes");
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("fleet needs members"), none.err());
        Cli pood = Cli.run("fleet", "failing-probes", "--lab", lab(HEALTHY), "--set", "pood=x");
        assertEquals(1, pood.exit());
        assertTrue(pood.err().contains("did you mean 'pod'?"), pood.err());
        Cli in = Cli.run("fleet", "failing-probes", "--lab", lab(HEALTHY), "--set-in", "elsewhere:pod=a/b");
        assertEquals(1, in.exit());
        assertTrue(in.err().contains("--set-in elsewhere: no such context in this fleet"), in.err());
        assertEquals("arn_aws_eks_eu-west-1_1_cluster_prod", FleetCommand.fileName("arn:aws:eks:eu-west-1:1:cluster/prod"));
        assertEquals("_hidden", FleetCommand.fileName(".hidden"));
    }

    /** fleet triage: each context's triage picks the playbook and its inputs; the diagnosed seed is grouped. */
    @Test
    void fleetTriageRunsWhatTriageSuggestsInEachContext() {
        Path dir = tmp.resolve("triage");
        Cli r = Cli.run("fleet", "triage", "--lab", lab(SEED), "--lab", lab(HEALTHY), "--transcripts", dir.toString(), "-o", "json");
        assertEquals(4, r.exit(), r.toString());
        JsonNode s = r.json();
        assertEquals(List.of(SEED), texts(s.get("diagnosed").get(0).get("contexts"), "context"), r.out());
        assertEquals(SEED_POD, s.get("sessions").get(1).get("inputs").get("pod").asText(), "the pod triage ranked first");
        assertEquals(r.out(), Cli.run("aggregate", dir.toString(), "-o", "json").out());
    }
}
