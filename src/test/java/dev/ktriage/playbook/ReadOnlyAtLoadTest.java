package dev.ktriage.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.allowlist.WriteForms;
import dev.ktriage.yaml.YamlException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every write, escape and sensitive read of {@link WriteForms} written into a playbook's node
 * command is an error at load, at the file:line:column of the argument that breaks the rule — in a
 * quoted scalar, a plain one and a folded block alike. A playbook that cannot load sends nothing.
 */
class ReadOnlyAtLoadTest {

    private final PlaybookLoader loader = new PlaybookLoader(ExtractorRegistry.fromClassLoader(getClass().getClassLoader()));

    private static String playbook(String runLine) {
        return """
                version: 2
                id: careless
                title: A careless author's playbook
                inputs:
                  - {id: node, kind: node}
                steps:
                  - id: look
                    gather:
                      node:
                        on: "${node}"
                %s
                    next: [{end: true}]
                """.formatted(runLine);
    }

    private YamlException refused(String runLine) {
        return assertThrows(YamlException.class, () -> loader.load(playbook(runLine), "plugins/x/playbook.yaml", "test"),
                () -> "loaded: " + runLine);
    }

    /** The YAML double-quoted form of a command. */
    private static String quoted(String command) {
        return "\"" + command.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void everyFormIsRefusedAtLoadWithTheArgumentsPosition() {
        List<String> unplaced = new ArrayList<>();
        List<String> forms = new ArrayList<>(WriteForms.WRITES);
        forms.addAll(WriteForms.SENSITIVE);
        for (String form : forms) {
            YamlException e = refused("        run: " + quoted(form));
            // line 11, the value starts after `        run: "` (column 15); the column is that of the refused word
            boolean placed = e.location().file().equals("plugins/x/playbook.yaml") && e.location().line() == 11
                    && e.location().column() >= 15 && e.location().column() < 15 + form.length();
            if (!placed) unplaced.add(form + " -> " + e.getMessage());
        }
        assertEquals(List.of(), unplaced);
    }

    @Test
    void theColumnIsThatOfTheRefusedArgument() {
        YamlException e = refused("        run: \"find /var/lib -name x -delete\"");
        assertEquals("plugins/x/playbook.yaml:11:37", e.location().toString());
        assertTrue(e.getMessage().startsWith("plugins/x/playbook.yaml:11:37: 'find -delete' is not read-only: deletes the files it finds"),
                e.getMessage());
        e = refused("        run: journalctl -k --vacuum-size=1");
        assertEquals("plugins/x/playbook.yaml:11:28", e.location().toString(), e.getMessage());
        e = refused("        run: >-\n          journalctl -k\n          --rotate");
        assertEquals("plugins/x/playbook.yaml:13:11", e.location().toString(), e.getMessage());
        assertTrue(e.getMessage().contains("'journalctl --rotate' is not read-only"), e.getMessage());
    }

    @Test
    void aHoleMayOnlyStandWhereAValueGoes() {
        assertTrue(refused("        run: \"${node} -n x\"").getMessage().contains("program of a node command cannot come from a value"));
        assertTrue(refused("        run: \"systemctl ${node} kubelet\"").getMessage().contains("cannot choose what systemctl does"));
        loader.load(playbook("        run: \"ip route get ${node}\""), "p.yaml", "test");
        loader.load(playbook("        run: \"cat /proc/irq/${node}/smp_affinity\""), "p.yaml", "test");
    }
}
