package dev.ktriage.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.yaml.YamlException;
import org.junit.jupiter.api.Test;

/**
 * Playbook language version 2 is checked when it loads: each mistake below is an error at the
 * file:line:column where it is written, so a wrong playbook never reaches a session.
 */
class LanguageV2LoadTest {

    private final PlaybookLoader loader = new PlaybookLoader(ExtractorRegistry.fromClassLoader(getClass().getClassLoader()));

    /** Line 12 holds the `when`, line 13 the `says`; `%s` stands for the parts a test changes. */
    private static final String BASE = """
            version: 2
            id: drops
            title: Drops
            inputs:
              - {id: node, kind: node}
            steps:
              - id: read
                gather:
                  node: {on: "${node}", run: "cat /proc/net/softnet_stat"}
                extract: {drops: {lines: "%s"}}
                next:
                  - when: "%s"
                    says: "%s"
                    diagnose: many-drops
                  - end: true
            %s
            diagnoses:
              - {id: many-drops, title: Many drops, summary: "x"}
            """;

    private static String playbook(String regex, String when, String says, String extra) {
        return BASE.formatted(regex, when, says, extra);
    }

    private YamlException error(String yaml) {
        return assertThrows(YamlException.class, () -> loader.load(yaml, "p/playbook.yaml", "test"));
    }

    @Test
    void aGoodOneLoads() {
        Playbook p = loader.load(playbook("[1-9a-f]", "drops.size() > 0", "${drops.size()} CPUs drop", ""), "p/playbook.yaml", "test");
        assertEquals("drops", p.id());
    }

    private static final String RULE_CONFIDENCE = """
            version: 2
            id: drops
            title: Drops
            steps:
              - id: read
                let: {logged: "true"}
                next:
                  - when: "logged"
                    diagnose: many-drops
                    confidence: %s
                  - end: true
            diagnoses:
              - {id: many-drops, title: Many drops, confidence: high, summary: "x"}
            """;

    @Test
    void aRuleSaysHowSureItsDiagnosisIsAndOnlyWithAKnownWord() {
        loader.load(RULE_CONFIDENCE.formatted("medium"), "p/playbook.yaml", "test");
        loader.load(RULE_CONFIDENCE.formatted("\"${logged ? 'high' : 'medium'}\""), "p/playbook.yaml", "test");
        YamlException e = error(RULE_CONFIDENCE.formatted("sure"));
        assertEquals("p/playbook.yaml:10:21", e.location().toString(), e.getMessage());
        assertTrue(e.getMessage().contains("confidence must be high, medium or low"), e.getMessage());
    }

    @Test
    void anUnknownVariableNamesItsColumn() {
        YamlException e = error(playbook("x", "dropz.size() > 0", "x", ""));
        assertEquals("p/playbook.yaml:12:16", e.location().toString(), e.getMessage());
        assertTrue(e.getMessage().contains("undeclared reference to 'dropz'"), e.getMessage());
    }

    @Test
    void anUnknownVariableInsideATemplate() {
        YamlException e = error(playbook("x", "true", "there are ${len(dropz)} of them", ""));
        assertEquals("p/playbook.yaml:13:31", e.location().toString(), e.getMessage()); // the call of len(...)
        assertTrue(e.getMessage().contains("undeclared reference to 'len'") || e.getMessage().contains("dropz"), e.getMessage());
    }

    @Test
    void anUnknownFunction() {
        YamlException e = error(playbook("x", "drops.frobnicate() > 0", "x", ""));
        assertTrue(e.getMessage().startsWith("p/playbook.yaml:12:"), e.getMessage());
        assertTrue(e.getMessage().contains("frobnicate"), e.getMessage());
    }

    @Test
    void aTypeMismatch() {
        YamlException e = error(playbook("x", "drops.size() > 'many'", "x", ""));
        assertTrue(e.getMessage().startsWith("p/playbook.yaml:12:"), e.getMessage());
        assertTrue(e.getMessage().contains("no matching overload"), e.getMessage());
    }

    @Test
    void aConditionThatIsNotABool() {
        YamlException e = error(playbook("x", "drops.size()", "x", ""));
        assertTrue(e.getMessage().contains("a condition must be a bool, this is int"), e.getMessage());
    }

    @Test
    void regexSyntaxInAnExtractorAndInAnExpression() {
        YamlException e = error(playbook("([0-9", "true", "x", ""));
        assertEquals("p/playbook.yaml:10:", e.location().toString().substring(0, "p/playbook.yaml:10:".length()), e.getMessage());
        assertTrue(e.getMessage().contains("bad regular expression"), e.getMessage());
        e = error(playbook("x", "drops.exists(l, l.matches('(unclosed'))", "x", ""));
        assertEquals("p/playbook.yaml:12:42", e.location().toString(), e.getMessage()); // the regex literal
    }

    @Test
    void aRuleAfterAnUnconditionalOneCanNeverFire() {
        String base = playbook("x", "true", "x", "");
        String swapped = base.replace("      - when: \"true\"\n        says: \"x\"\n        diagnose: many-drops\n      - end: true\n",
                "      - end: true\n      - when: \"true\"\n        diagnose: many-drops\n");
        assertTrue(!swapped.equals(base), "the rules were swapped");
        YamlException e = error(swapped);
        assertEquals("p/playbook.yaml:13:9", e.location().toString(), e.getMessage()); // the second rule
        assertTrue(e.getMessage().contains("can never fire"), e.getMessage());
    }

    @Test
    void aStepNoPathReachesAndADiagnosisNoRuleReaches() {
        String lonely = playbook("x", "true", "x", "").replace("""
                  - end: true
                """, """
                  - end: true
                  - id: lonely
                    gather:
                      node: {on: "${node}", run: "uname -r"}
                    next: [{end: true}]
                """);
        YamlException e = error(lonely);
        assertEquals("p/playbook.yaml:16:5", e.location().toString(), e.getMessage());
        assertTrue(e.getMessage().contains("step 'lonely' is reached from no step"), e.getMessage());
        e = error(playbook("x", "true", "x", "").replace("diagnose: many-drops", "end: true"));
        assertTrue(e.getMessage().contains("diagnosis 'many-drops' is reached by no rule"), e.getMessage());
    }

    @Test
    void version1KeysAndNamesCELReserves() {
        YamlException e = error(playbook("x", "true", "x", "").replace("run: \"cat /proc/net/softnet_stat\"}",
                "run: \"cat /proc/net/softnet_stat\", readOnly: true}"));
        assertTrue(e.getMessage().contains("'readOnly' is gone in version 2"), e.getMessage());
        e = error(playbook("x", "true", "x", "").replace("extract: {drops:", "extract: {namespace:"));
        assertTrue(e.getMessage().contains("'namespace' is a reserved word in CEL"), e.getMessage());
        e = error(playbook("x", "true", "x", "").replace("version: 2\n", ""));
        assertEquals("p/playbook.yaml:1:1: a playbook in language version 1: this ktriage reads version 2. Add 'version: 2' and write its"
                + " expressions in CEL (docs/playbooks.md, 'Migrating from version 1')", e.getMessage());
    }
}
