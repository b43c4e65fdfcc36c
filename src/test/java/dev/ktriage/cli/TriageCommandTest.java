package dev.ktriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** `ktriage triage` ranks the playbooks whose symptoms the cluster shows. */
class TriageCommandTest {

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
        assertTrue(r.out().contains("run: ktriage run failing-probes --set pod=kube-system/coredns-749558f7dd-w6jdj"), r.out());
    }
}
