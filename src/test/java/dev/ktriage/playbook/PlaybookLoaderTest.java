package dev.ktriage.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.yaml.YamlException;
import org.junit.jupiter.api.Test;

class PlaybookLoaderTest {

    private final PlaybookLoader loader = new PlaybookLoader(ExtractorRegistry.fromClassLoader(getClass().getClassLoader()));

    private static final String GOOD = """
            version: 2
            id: tiny
            title: Tiny
            inputs:
              - {id: node, kind: node}
            steps:
              - id: read
                gather:
                  node: {on: "${node}", run: "sysctl -n net.ipv4.conf.all.rp_filter"}
                extract:
                  rpText: {regex: "^([0-9]+)"}
                let:
                  rp: "int(rpText)"
                next:
                  - when: "rp >= 1"
                    finding: strict
                    diagnose: rp-on
                  - end: true
            diagnoses:
              - {id: rp-on, title: rp_filter is on, confidence: high}
            """;

    private YamlException error(String yaml) {
        return assertThrows(YamlException.class, () -> loader.load(yaml, "playbooks/t.yaml", "test"));
    }

    @Test
    void loadsAValidPlaybook() {
        Playbook p = loader.load(GOOD, "playbooks/t.yaml", "test");
        assertEquals("tiny", p.id());
        assertEquals("read", p.firstStep().id());
        assertEquals(1, p.diagnoses().size());
        Gather.Node g = (Gather.Node) p.firstStep().gather();
        assertEquals(3, g.argv().size());
    }

    @Test
    void unknownKeyNamesFileLineAndColumn() {
        YamlException e = error(GOOD.replace("    extract:", "    extrct:"));
        assertEquals("playbooks/t.yaml:10:5", e.location().toString());
        assertTrue(e.getMessage().startsWith("playbooks/t.yaml:10:5: unknown key 'extrct'"), e.getMessage());
    }

    @Test
    void malformedYamlNamesItsLine() {
        YamlException e = error("id: x\nsteps: [\n  - a: b\n");
        assertTrue(e.getMessage().startsWith("playbooks/t.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    }

    @Test
    void gotoToAMissingStep() {
        YamlException e = error(GOOD.replace("  - end: true", "  - goto: nowhere"));
        assertTrue(e.getMessage().contains("goto unknown step 'nowhere'"), e.getMessage());
        assertEquals(18, e.location().line());
    }

    @Test
    void diagnosisNoRuleReaches() {
        YamlException e = error(GOOD + "  - {id: orphan, title: Never reached}\n");
        assertTrue(e.getMessage().contains("diagnosis 'orphan' is reached by no rule"), e.getMessage());
        assertEquals(21, e.location().line());
    }

    @Test
    void duplicateStepIds() {
        String dup = GOOD.replace("diagnoses:", """
                  - id: read
                    next: [{end: true}]
                diagnoses:""");
        assertTrue(error(dup).getMessage().contains("duplicate step id 'read'"));
    }

    @Test
    void undeclaredDiagnosisAndBadExpression() {
        assertTrue(error(GOOD.replace("diagnose: rp-on", "diagnose: nope")).getMessage().contains("unknown diagnosis 'nope'"));
        YamlException e = error(GOOD.replace("rp >= 1", "rp >= "));
        assertTrue(e.getMessage().startsWith("playbooks/t.yaml:15:") && e.getMessage().contains("in `rp >= `"), e.getMessage());
    }

    @Test
    void nodeCommandsHaveNoShellAndMustBeReadOnly() {
        assertTrue(error(GOOD.replace("sysctl -n net.ipv4.conf.all.rp_filter", "sysctl -a | grep rp"))
                .getMessage().contains("commands run without a shell"));
        assertTrue(error(GOOD.replace("sysctl -n net.ipv4.conf.all.rp_filter", "sysctl -w net.ipv4.conf.all.rp_filter=0"))
                .getMessage().contains("not read-only"));
        assertTrue(error(GOOD.replace("rp_filter\"}", "rp_filter\", readOnly: true}")).getMessage().contains("'readOnly' is gone in version 2"));
        assertTrue(error(GOOD.replace("sysctl -n net.ipv4.conf.all.rp_filter", "rm -rf /tmp/x"))
                .getMessage().contains("read-only"));
    }

    @Test
    void listingLargeResourcesNeedsANarrowing() {
        String listAll = GOOD.replace("node: {on: \"${node}\", run: \"sysctl -n net.ipv4.conf.all.rp_filter\"}",
                "cluster: {list: events}");
        assertTrue(error(listAll).getMessage().contains("needs a labelSelector or fieldSelector"));
    }

    @Test
    void unknownExtractorTypeIsNamed() {
        YamlException e = error(GOOD.replace("rpText: {regex: \"^([0-9]+)\"}", "rpText: {softnet: x}"));
        assertTrue(e.getMessage().contains("no known extractor type for 'rpText'"), e.getMessage());
    }

    /** GOOD, whose last rule concludes healthy: rp_filter read as 0. */
    private static final String HEALTHY = GOOD.replace("      - end: true\n", """
                  - when: "rp == 0"
                    finding: loose
                    says: "rp_filter is 0"
                    healthy: true
                    end: true
            """);

    @Test
    void aRuleThatEndsTheSessionMaySayHealthy() {
        Playbook p = loader.load(HEALTHY, "playbooks/t.yaml", "test");
        assertTrue(p.firstStep().rules().get(1).healthy());
        assertTrue(!p.firstStep().rules().get(0).healthy());
    }

    @Test
    void healthyOnlyOnARuleThatEndsWithAConditionAndSaysWhat() {
        YamlException notEnd = error(HEALTHY.replace("        end: true\n", "        goto: read\n"));
        assertEquals("playbooks/t.yaml:21", notEnd.location().file() + ":" + notEnd.location().line(), notEnd.getMessage());
        assertTrue(notEnd.getMessage().contains("'healthy: true' belongs to a rule that ends the session: add 'end: true'"), notEnd.getMessage());
        YamlException diagnoses = error(HEALTHY.replace("        healthy: true\n", "        healthy: true\n        diagnose: rp-on\n"));
        assertTrue(diagnoses.getMessage().contains("playbooks/t.yaml:21:") && diagnoses.getMessage().contains("a rule that diagnoses cannot also say healthy"),
                diagnoses.getMessage());
        YamlException noWhen = error(HEALTHY.replace("      - when: \"rp == 0\"\n        finding: loose", "      - finding: loose"));
        assertTrue(noWhen.getMessage().contains("a healthy rule needs a 'when'"), noWhen.getMessage());
        YamlException noSays = error(HEALTHY.replace("        says: \"rp_filter is 0\"\n", ""));
        assertTrue(noSays.getMessage().contains("a healthy rule needs 'says'"), noSays.getMessage());
        YamlException notBool = error(HEALTHY.replace("healthy: true", "healthy: maybe"));
        assertTrue(notBool.getMessage().startsWith("playbooks/t.yaml:21:"), notBool.getMessage());
    }

    @Test
    void excludedSaysIsAConditionalRulesWordsForWhyItDoesNotApply() {
        Playbook p = loader.load(HEALTHY.replace("        healthy: true\n", "        healthy: true\n        excludedSays: \"rp_filter is ${rp}\"\n"),
                "playbooks/t.yaml", "test");
        assertEquals("rp_filter is ${rp}", p.firstStep().rules().get(1).excludedSays().source());
        YamlException noWhen = error(GOOD.replace("      - end: true\n", "      - end: true\n        excludedSays: \"never\"\n"));
        assertEquals("playbooks/t.yaml:19", noWhen.location().file() + ":" + noWhen.location().line(), noWhen.getMessage());
        assertTrue(noWhen.getMessage().contains("'excludedSays' needs a 'when': a rule without one is never excluded"), noWhen.getMessage());
    }

    @Test
    void aForEachStepCannotSayHealthy() {
        YamlException e = error("""
                version: 2
                id: each
                title: Each
                inputs:
                  - {id: node, kind: node}
                steps:
                  - id: nodes
                    forEach:
                      in: "[node]"
                      as: n
                      collect: found
                      steps:
                        - id: read
                          gather:
                            node: {on: "${n}", run: "sysctl -n net.ipv4.conf.all.rp_filter"}
                          next:
                            - when: "response.text.trim() == '0'"
                              finding: loose
                              says: "loose"
                              healthy: true
                              end: true
                            - {finding: other, end: true}
                    next:
                      - {finding: done, end: true}
                """);
        assertTrue(e.getMessage().startsWith("playbooks/t.yaml:17:"), e.getMessage());
        assertTrue(e.getMessage().contains("a step in a forEach cannot say healthy"), e.getMessage());
    }

    @Test
    void builtInPlaybooksLoadAndHandOffToEachOther() {
        PlaybookCatalog c = PlaybookCatalog.load(PlaybookSources.builtIn(), ExtractorRegistry.fromClassLoader(getClass().getClassLoader()));
        assertTrue(c.find("failing-probes").isPresent());
        assertTrue(c.find("martian-source").isPresent());
    }
}
