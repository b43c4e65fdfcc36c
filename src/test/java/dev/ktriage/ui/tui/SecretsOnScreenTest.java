package dev.ktriage.ui.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.engine.Outcome;
import dev.ktriage.plugin.PluginLoader;
import dev.ktriage.redact.LeakyNode;
import dev.ktriage.ui.SeedLab;
import dev.ktriage.ui.SessionLauncher.FinishedSession;
import dev.ktriage.ui.batch.BatchOperator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TUI over a node whose answers are full of secrets: no screen of the session shows one. */
class SecretsOnScreenTest {

    @TempDir
    Path tmp;

    @Test
    void noStepsEvidenceNorTheDiagnosisScreenShowsASecret() throws Exception {
        try (SeedLab lab = new SeedLab(tmp, LeakyNode.SCENARIO, PluginLoader.load(List.of(LeakyNode.PLUGIN)).catalog())) {
            GuiQueue gui = new GuiQueue();
            TuiState state = new TuiState("lab/default");
            Map<String, String> inputs = Map.of("node", "node0");
            state.openForm(lab.catalog().require(LeakyNode.PLAYBOOK), inputs);
            state.sessionStarted();
            FinishedSession done = lab.launcher().run(LeakyNode.PLAYBOOK, inputs, new BatchOperator(Map.of()), new TuiListener(gui));
            gui.drainInto(state);
            state.ended(done);
            assertEquals(Outcome.DIAGNOSED, done.result().outcome());
            StringBuilder screens = new StringBuilder(VirtualScreens.paint(state, 160, 60));
            state.mode = TuiState.Mode.SESSION;
            for (int step = 0; step < done.result().steps().size(); step++) {
                state.shown = step;
                screens.append(VirtualScreens.paint(state, 160, 60));
            }
            String all = screens.toString();
            assertTrue(all.contains("BEGIN RSA PRIVATE KEY") && all.contains("kubelet-client-current.pem"), all);
            assertEquals(List.of(), LeakyNode.leaked(all), all);
        }
    }
}
