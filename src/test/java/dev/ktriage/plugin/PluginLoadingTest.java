package dev.ktriage.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.cli.Cli;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Plugins load whole or are reported (naming the plugin and file:line) and skipped; ktriage still starts. */
class PluginLoadingTest {

    static final Path FIXTURES = Path.of("src/test/resources/plugins");

    @Test
    void brokenPluginsAreReportedAndSkippedTheRestLoad() {
        LoadedPlugins loaded = PluginLoader.load(List.of(FIXTURES));
        Map<String, String> problems = loaded.problems().stream().collect(Collectors.toMap(PluginProblem::plugin, PluginProblem::message));
        assertEquals(6, problems.size(), problems.toString());
        // a plugin written for API 1 is told, in one line, what to change
        assertTrue(problems.get("version1-plugin").contains("version1-plugin/plugin.yaml:1:1: targets plugin API 1; this ktriage implements API 2:"
                + " write 'api: 2', add 'version: 2' to each playbook and move its expressions to CEL"), problems.get("version1-plugin"));
        assertEquals(1, problems.get("version1-plugin").lines().count());
        // a node command that writes, though its author marked it readOnly: refused at the -delete
        assertTrue(problems.get("deleting-find").contains(
                "deleting-find/playbooks/cleanup/playbook.yaml:9:57: 'find -delete' is not read-only: deletes the files it finds"),
                problems.get("deleting-find"));
        assertTrue(problems.get("broken-yaml").contains("broken-yaml/playbooks/x/playbook.yaml:"), problems.get("broken-yaml"));
        assertTrue(problems.get("broken-yaml").contains("malformed YAML"));
        assertTrue(problems.get("unknown-extractor").matches(".*unknown-extractor/playbooks/y/playbook.yaml:\\d+:\\d+: no known extractor type for 'drops'.*"),
                problems.get("unknown-extractor"));
        assertTrue(problems.get("clashes-builtin").contains("playbook id 'failing-probes' clashes with a built-in playbook"), problems.get("clashes-builtin"));
        assertTrue(problems.get("clashes-builtin").contains("clashes-builtin/playbooks/failing-probes/playbook.yaml:1:1"));
        assertTrue(problems.get("future-api").contains("future-api/plugin.yaml:1:1: targets plugin API 3; this ktriage implements API 2"),
                problems.get("future-api"));
        assertTrue(loaded.catalog().find("dns-timeouts").isPresent(), "the good plugin loaded");
        assertEquals("good-plugin", loaded.catalog().require("dns-timeouts").origin());
        assertEquals("built-in", loaded.catalog().require("failing-probes").origin(), "the built-in was not replaced");
    }

    @Test
    void listStillWorksAndNamesEachSkippedPlugin() {
        Cli r = Cli.run("list", "--plugins", FIXTURES.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("dns-timeouts"), r.out());
        assertTrue(r.out().contains("failing-probes"), r.out());
        List<String> err = r.err().lines().toList();
        assertEquals(6, err.size(), r.err());
        for (String id : List.of("broken-yaml", "unknown-extractor", "clashes-builtin", "future-api", "deleting-find", "version1-plugin")) {
            assertTrue(err.stream().anyMatch(l -> l.startsWith("ktriage: plugin '" + id + "' skipped: ")), id + " in " + r.err());
        }
    }

    @Test
    void pluginTestRunsEveryScenario() {
        Cli r = Cli.run("plugin", "test", FIXTURES.resolve("good-plugin").toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("PASS playbooks/dns-timeouts/scenarios/timeouts"), r.out());
        assertTrue(r.out().contains("PASS playbooks/dns-timeouts/scenarios/healthy"), r.out());
        assertTrue(r.out().strip().endsWith("2 passed, 0 failed"), r.out());
        PluginAssertions.assertScenariosPass(FIXTURES.resolve("good-plugin"));
    }

    @Test
    void pluginTestOnABrokenPluginIsOneLineExit1() {
        Cli r = Cli.run("plugin", "test", FIXTURES.resolve("future-api").toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.toString());
        assertTrue(r.err().contains("plugin 'future-api' skipped"), r.err());
        assertThrows(AssertionError.class, () -> PluginAssertions.assertScenariosPass(FIXTURES.resolve("unknown-extractor")));
        assertFalse(r.err().contains("Exception"));
    }

    /**
     * The built-ins load playbook by playbook: a broken one is reported with its file:line:column
     * and left out, one that hands off to it is left out too (saying why), the others load.
     */
    @Test
    void oneBrokenBuiltInLeavesTheOthers(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        String good = """
                version: 2
                id: %s
                title: %s
                steps:
                  - id: only
                    next:
                      - finding: done
                        %s
                """;
        java.nio.file.Files.writeString(dir.resolve("alpha.yaml"), good.formatted("alpha", "Alpha", "end: true"));
        java.nio.file.Files.writeString(dir.resolve("broken.yaml"), good.formatted("broken", "Broken", "end: true").replace("version: 2", "version: 2\nbogus: 1"));
        java.nio.file.Files.writeString(dir.resolve("gamma.yaml"), good.formatted("gamma", "Gamma", "handoff: {playbook: broken}"));
        Plugin folder = PluginReader.playbookFolder(dir);
        List<PluginProblem> problems = new java.util.ArrayList<>();
        List<PluginLoader.Parsed> loaded = PluginLoader.parseEach(folder, new dev.ktriage.playbook.PlaybookCatalog(), problems);
        assertEquals(List.of("alpha"), loaded.stream().map(p -> p.playbook().id()).toList());
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().startsWith("playbook " + dir.resolve("broken.yaml") + " skipped: "), problems.toString());
        assertTrue(problems.get(0).toString().contains("broken.yaml:2:1: unknown key 'bogus'"), problems.toString());
        assertEquals("playbook " + dir.resolve("gamma.yaml") + " skipped: it hands off to 'broken', which did not load", problems.get(1).toString());
    }
}
