package dev.ktriage.plugins;

import dev.ktriage.plugin.PluginAssertions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every scenario of this plugin concludes what its expect.yaml says, on ktriage's embedded lab. */
class PacketDropsScenariosTest {

    @Test
    void scenariosPass() {
        PluginAssertions.assertScenariosPass(Path.of("."));
    }
}
