package dev.ktriage.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.yaml.YamlException;
import org.junit.jupiter.api.Test;

/** A diagnosis's verify block loads strictly: every mistake is an error at file:line:column. */
class VerifyLoadTest {

    private static final String PLAYBOOK = """
            version: 2
            id: strict-rp
            title: Strict rp_filter
            inputs:
              - {id: node, kind: node}
            steps:
              - id: rp
                title: Read rp_filter
                gather:
                  node: {on: "${node}", run: "sysctl -a --pattern rp_filter"}
                extract:
                  sysctls: {keyValue: "="}
                let:
                  strict: "sysctls.filter(k, sysctls[k] == '1')"
                next:
                  - when: "strict.size() > 0"
                    finding: strict
                    says: "Strict on ${strict.join()}."
                    diagnose: strict-rp
                  - finding: none
                    says: "None."
                    goto: decide
              - id: decide
                title: Decide
                next:
                  - finding: done
                    says: "done"
                    end: true
            diagnoses:
              - id: strict-rp
                title: Strict
                summary: "s"
                remedy: "r"
            %s
            """;

    private static Playbook load(String verify) {
        return new PlaybookLoader(ExtractorRegistry.fromClassLoader(VerifyLoadTest.class.getClassLoader()))
                .load(PLAYBOOK.formatted(verify.indent(4).stripTrailing()), "pb.yaml", "test");
    }

    private static String error(String verify) {
        return assertThrows(YamlException.class, () -> load(verify)).getMessage();
    }

    private static final String GOOD = """
            verify:
              fixedWhen: all
              facts:
                - step: rp
                  let:
                    left: "strict.size()"
                  holds: "left > 0"
                  says: "${left} device(s) strict"
              durable:
                - step: rp
                  holds: "left > 0 && sysctls['net.ipv4.conf.default.rp_filter'] == '1'"
                  says: "new devices start strict"
            """;

    @Test
    void aVerifyBlockLoadsWithItsChecks() {
        DiagnosisSpec d = load(GOOD).diagnoses().get("strict-rp");
        assertEquals(Verification.Mode.ALL, d.verify().fixedWhen());
        assertEquals(1, d.verify().facts().size());
        assertEquals("left", d.verify().facts().get(0).lets().get(0).name());
        assertEquals("rp", d.verify().durable().get(0).step());
        assertNull(load("").diagnoses().get("strict-rp").verify(), "a diagnosis without verify has none");
    }

    @Test
    void mistakesAreNamedWhereTheyAre() {
        String unknown = error(GOOD.replace("- step: rp\n      let", "- step: rpp\n      let"));
        assertTrue(unknown.contains("no step 'rpp'"), unknown);
        assertTrue(unknown.startsWith("pb.yaml:"), unknown);
        String noGather = error(GOOD.replace("- step: rp\n      let", "- step: decide\n      let"));
        assertTrue(noGather.contains("gathers nothing"), noGather);
        String mode = error(GOOD.replace("fixedWhen: all", "fixedWhen: some"));
        assertTrue(mode.contains("fixedWhen is any"), mode);
        String type = error(GOOD.replace("holds: \"left > 0\"", "holds: \"left\""));
        assertTrue(type.contains("left"), type);
        String key = error(GOOD.replace("says: \"new devices start strict\"", "says: \"x\"\n      unless: \"true\""));
        assertTrue(key.contains("unless"), key);
        String empty = error("verify:\n  facts: []\n");
        assertTrue(empty.contains("at least one fact"), empty);
        String unknownVar = error(GOOD.replace("holds: \"left > 0\"", "holds: \"nosuch > 0\""));
        assertTrue(unknownVar.contains("nosuch"), unknownVar);
    }
}
