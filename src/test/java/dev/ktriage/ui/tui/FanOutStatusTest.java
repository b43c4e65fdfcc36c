package dev.ktriage.ui.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The status line counts a fan-out's answers while it gathers, and only for the step that runs. */
class FanOutStatusTest {

    @Test
    void statusLineShowsNodesAnsweredOfTotal() {
        TuiState s = new TuiState("lab/default");
        s.mode = TuiState.Mode.SESSION;
        s.stepStarted("compare", "Read the sysctl on every node", "why", "sysctl -n net.core.somaxconn");
        assertFalse(ScreenPainter.status(s).contains("nodes"), ScreenPainter.status(s));
        s.nodesAnswered("compare", 3, 50);
        s.nodesAnswered("compare", 2, 50); // a late, smaller count from another thread
        s.nodesAnswered("other-step", 40, 50);
        String status = ScreenPainter.status(s);
        assertTrue(status.contains("gathering 3/50 nodes: Read the sysctl on every node"), status);
        s.stepStarted("next", "Decide", "why", "sysctl -n x");
        assertFalse(ScreenPainter.status(s).contains("nodes"), "a new step starts from nothing: " + ScreenPainter.status(s));
    }
}
