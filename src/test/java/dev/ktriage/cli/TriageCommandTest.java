package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** `ktriage triage` ranks the playbooks whose symptoms the cluster shows. */
class TriageCommandTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;

    @Test
    void seedCorednsIncidentSuggestsFailingProbesFirstForTheWorstPod() {
        Cli r = Cli.run("triage", "--lab", RunCommandTest.SEED.toString(), "--output", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode first = r.json().get("suggestions").get(0);
        assertEquals("failing-probes", first.get("playbook").asText(), r.out());
        assertEquals("kube-system/coredns-749558f7dd-w6jdj", first.get("set").get("pod").asText(), "the pod with most failures");
        assertEquals("martian-source", r.json().get("suggestions").get(1).get("playbook").asText(), r.out());
    }

    /** Every seed incident's scenario (folder named seed-*): triage suggests the playbook its expect.yaml runs. */
    @org.junit.jupiter.api.TestFactory
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> triageSuggestsEachSeedsPlaybookFirst() {
        var seeds = dev.ktriage.lab.BuiltInScenarios.all().stream().filter(e -> e.name().startsWith("seed-")).toList();
        org.junit.jupiter.api.Assertions.assertFalse(seeds.isEmpty());
        return seeds.stream().map(e -> org.junit.jupiter.api.DynamicTest.dynamicTest(e.name(), () -> {
            String expected = dev.ktriage.lab.scenario.ScenarioLoader.load(e.dir()).expect().orElseThrow().playbook();
            Cli r = Cli.run("triage", "--lab", e.dir().toString(), "--output", "json");
            assertEquals(0, r.exit(), r.toString());
            assertEquals(expected, r.json().get("suggestions").get(0).get("playbook").asText(), r.out());
        }));
    }

    @Test
    void healthyNamespaceStillShowsOtherPodsProblemsButNotAsThisPod() {
        Cli r = Cli.run("triage", "--lab", RunCommandTest.HEALTHY.toString(), "--output", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode first = r.json().get("suggestions").get(0);
        assertEquals("failing-probes", first.get("playbook").asText());
        assertEquals("shop/web-7c9d8b6f5-zz999", first.get("set").get("pod").asText());
    }

    @Test
    void textOutputNamesTheCommandToRun() {
        Cli r = Cli.run("triage", "--lab", RunCommandTest.SEED.toString());
        assertTrue(r.out().contains("run: ktriage run failing-probes --lab " + RunCommandTest.SEED
                + " --set pod=kube-system/coredns-749558f7dd-w6jdj"), r.out());
    }

    /** The suggested command keeps what chose the target: pasted as a shell reads it, it runs on the same lab and concludes. */
    @Test
    void theSuggestedCommandRunsWhenPasted() throws Exception {
        Cli r = Cli.run("triage", "--lab", RunCommandTest.SEED.toString(), "-n", "kube-system", "--output", "json");
        String command = r.json().get("suggestions").get(0).get("command").asText();
        assertTrue(command.startsWith("ktriage run failing-probes --lab " + RunCommandTest.SEED + " --namespace kube-system --set pod="), command);
        // split the way a shell does
        Process p = new ProcessBuilder("bash", "-c", "for w in " + command + "; do printf '%s\\0' \"$w\"; done").start();
        String[] words = new String(p.getInputStream().readAllBytes()).split("\0");
        assertEquals(0, p.waitFor());
        java.util.List<String> args = new java.util.ArrayList<>(java.util.Arrays.asList(words).subList(1, words.length));
        args.addAll(java.util.List.of("--output", "json", "--transcript", tmp.resolve("pasted.jsonl").toString()));
        Cli pasted = Cli.run(args.toArray(String[]::new));
        assertEquals(0, pasted.exit(), pasted.toString());
        assertEquals("diagnosed", pasted.json().get("outcome").asText());
        assertEquals("'it'\\''s'", TriageCommand.shellWord("it's"));
        assertEquals("'a b'", TriageCommand.shellWord("a b"));
    }
}
