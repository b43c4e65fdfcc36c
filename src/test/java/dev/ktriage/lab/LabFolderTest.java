package dev.ktriage.lab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.lab.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lab that made its own folder (keys, kubeconfig, known_hosts) leaves nothing behind; one given a folder keeps it. */
class LabFolderTest {

    private static final Path SEED = Path.of("playbooks/failing-probes/scenarios/seed-coredns-cilium-rp-filter");

    @Test
    void ownTempFolderIsRemovedOnClose() {
        Path kubeconfig;
        try (Lab lab = Lab.start(ScenarioLoader.load(SEED))) {
            kubeconfig = lab.kubeconfig();
            assertTrue(Files.isRegularFile(kubeconfig), "the lab writes its kubeconfig");
            assertTrue(Files.isRegularFile(lab.sshConfig()), "and its ssh config");
        }
        assertFalse(Files.exists(kubeconfig.getParent()), "the lab's temp folder is gone after close: " + kubeconfig.getParent());
    }

    @Test
    void givenFolderIsKept(@TempDir Path dir) {
        try (Lab lab = Lab.start(ScenarioLoader.load(SEED), dir.resolve("work"))) {
            assertTrue(Files.isRegularFile(lab.kubeconfig()));
        }
        assertTrue(Files.isRegularFile(dir.resolve("work/kubeconfig")), "a folder the operator chose is theirs");
    }
}
