package dev.ktriage.cli;

import static dev.ktriage.cli.FleetLabs.HEALTHY;
import static dev.ktriage.cli.FleetLabs.UNREADABLE;
import static dev.ktriage.cli.FleetLabs.WEB_POD;
import static dev.ktriage.cli.FleetLabs.WRONG_PATH;
import static dev.ktriage.cli.FleetLabs.WRONG_PATH_POD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.yaml.YNodeJson;
import dev.ktriage.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/fleet: the manifests are the kinds the README says, and the per-index script and the aggregate
 * step, run as the manifests run them (the Job's env and args, a fresh ktriage process per index), against
 * three labs behind one kubeconfig, give the fleet summary.
 */
class FleetRecipeTest {

    static final Path RECIPE = Path.of("docs/fleet");

    @TempDir
    Path tmp;

    private static List<JsonNode> docs(String file) {
        return YamlReader.readAll(RECIPE.resolve(file), file).stream().map(YNodeJson::toJson).toList();
    }

    private static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + docs));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> members(Path contexts) throws Exception {
        return Files.readAllLines(contexts).stream().filter(l -> !l.isBlank() && !l.strip().startsWith("#"))
                .map(l -> l.strip().split("\\s+")[0]).toList();
    }

    @Test
    void manifestsAreAnIndexedJobAnAggregateJobAndAnArgoFanOutOverTheExampleContexts() throws Exception {
        List<String> example = members(RECIPE.resolve("contexts.example"));
        JsonNode job = kind(docs("indexed-job.yaml"), "Job");
        assertEquals("batch/v1", job.get("apiVersion").asText());
        assertEquals("Indexed", job.at("/spec/completionMode").asText());
        assertEquals(example.size(), job.at("/spec/completions").asInt(), "one index per member of contexts.example");
        assertEquals("PersistentVolumeClaim", docs("indexed-job.yaml").get(0).get("kind").asText());
        JsonNode container = job.at("/spec/template/spec/containers/0");
        assertEquals(List.of("/bin/sh", "/etc/ktriage/run-index.sh"), strings(container.get("command")));

        JsonNode aggregate = kind(docs("aggregate-job.yaml"), "Job");
        assertTrue(aggregate.at("/spec/template/spec/containers/0/args/0").asText().contains("ktriage aggregate /out -o json"));

        JsonNode wf = kind(docs("argo-workflow.yaml"), "Workflow");
        assertEquals("argoproj.io/v1alpha1", wf.get("apiVersion").asText());
        JsonNode fleet = null;
        for (JsonNode t : wf.at("/spec/templates")) if (t.get("name").asText().equals(wf.at("/spec/entrypoint").asText())) fleet = t;
        assertTrue(fleet != null, "the entrypoint template");
        JsonNode check = fleet.at("/steps/0/0");
        assertEquals(example, strings(check.get("withItems")), "the fan-out is over the same contexts");
        assertEquals("aggregate", fleet.at("/steps/1/0/template").asText(), "a final aggregate step");
        for (JsonNode t : wf.at("/spec/templates")) {
            if (t.get("name").asText().equals("check")) {
                assertEquals(List.of("/bin/sh", "/etc/ktriage/run-index.sh"), strings(t.at("/container/command")));
            }
            if (t.get("name").asText().equals("aggregate")) {
                assertEquals(aggregate.at("/spec/template/spec/containers/0/args/0").asText(), t.at("/container/args/0").asText(),
                        "the Workflow aggregates as the aggregate Job does");
            }
        }
    }

    /** JOB_COMPLETION_INDEX=0,1,2 through run-index.sh with the Job's env and args, then the aggregate step's script. */
    @Test
    void perIndexScriptThenAggregateGiveTheFleetSummary() throws Exception {
        JsonNode container = kind(docs("indexed-job.yaml"), "Job").at("/spec/template/spec/containers/0");
        String aggregateScript = kind(docs("aggregate-job.yaml"), "Job").at("/spec/template/spec/containers/0/args/0").asText();
        Path contexts = tmp.resolve("contexts");
        Files.writeString(contexts, "# three labs\n" + WRONG_PATH + " pod=" + WRONG_PATH_POD + "\n\n" + HEALTHY + " pod=" + WEB_POD + "\n"
                + UNREADABLE + " pod=" + WEB_POD + "\n");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path ktriage = bin.resolve("ktriage");
        Files.writeString(ktriage, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' dev.ktriage.cli.Main \"$@\"\n");
        assertTrue(ktriage.toFile().setExecutable(true));
        Path out = tmp.resolve("out");
        try (FleetLabs labs = FleetLabs.start(WRONG_PATH, HEALTHY, UNREADABLE)) {
            Path kubeconfig = labs.kubeconfig(tmp.resolve("kubeconfig"));
            for (int index = 0; index <= 3; index++) {
                List<String> command = new ArrayList<>(List.of("sh", RECIPE.resolve("run-index.sh").toString()));
                command.addAll(strings(container.get("args")));
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
                Map<String, String> env = pb.environment();
                for (JsonNode e : container.get("env")) env.put(e.get("name").asText(), e.get("value").asText());
                // where the pod has its volumes, the test has its folders
                env.put("CONTEXTS_FILE", contexts.toString());
                env.put("OUT", out.toString());
                env.put("KUBECONFIG", kubeconfig.toString());
                env.put("KTRIAGE", ktriage.toString());
                env.put("XDG_STATE_HOME", tmp.resolve("state").toString());
                env.put("JOB_COMPLETION_INDEX", Integer.toString(index));
                Process p = pb.start();
                String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(3, TimeUnit.MINUTES));
                if (index < 3) {
                    assertEquals(0, p.exitValue(), "index " + index + ":\n" + said);
                } else {
                    assertEquals(1, p.exitValue(), said);
                    assertTrue(said.contains("run-index: no member at index 3 in " + contexts), said);
                }
            }
        }
        for (String name : List.of(WRONG_PATH, HEALTHY, UNREADABLE)) assertTrue(Files.isRegularFile(out.resolve(name + ".jsonl")), name);

        Cli summary = Cli.run("aggregate", out.toString(), "-o", "json");
        assertEquals(4, summary.exit(), summary.toString());
        JsonNode s = summary.json();
        assertEquals("probe-wrong-path", s.at("/diagnosed/0/id").asText(), summary.out());
        assertEquals(WRONG_PATH, s.at("/diagnosed/0/contexts/0/context").asText(), "the context run --context recorded");
        assertEquals(HEALTHY, s.at("/healthy/0/context").asText(), summary.out());
        assertEquals(UNREADABLE, s.at("/couldNotTell/0/context").asText(), summary.out());
        assertEquals(3, s.get("contexts").asInt());

        // the aggregate step as the manifest writes it, /out being this folder
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", aggregateScript.replace("/out", out.toString())).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        assertEquals(4, p.exitValue(), said);
        assertTrue(said.startsWith("Fleet: 3 contexts: 1 diagnosed, 1 healthy, 1 could not tell, 0 errors"), said);
        assertEquals(summary.out(), Files.readString(out.resolve("summary.json")));
        assertTrue(Files.readString(out.resolve("summary.md")).startsWith("# Fleet summary"));
    }
}
