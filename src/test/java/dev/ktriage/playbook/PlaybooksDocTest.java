package dev.ktriage.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example that opens docs/playbooks.md loads as it is written there. */
class PlaybooksDocTest {

    @Test
    void theOpeningExampleLoads() throws Exception {
        String doc = Files.readString(Path.of("docs/playbooks.md"));
        int start = doc.indexOf("```yaml\nversion: 2\n");
        assertTrue(start >= 0, "docs/playbooks.md opens with a version 2 example");
        String yaml = doc.substring(start + "```yaml\n".length(), doc.indexOf("```\n", start + 8));
        Playbook p = new PlaybookLoader(ExtractorRegistry.fromClassLoader(getClass().getClassLoader()))
                .load(yaml, "docs/playbooks.md", "docs");
        assertEquals("rp-filter-devices", p.id());
    }
}
