package dev.ktriage.ui.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.ktriage.engine.AccessPreflight;
import dev.ktriage.engine.SessionEngine;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.gateway.AccessCheck;
import dev.ktriage.gateway.AccessVerdict;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.ui.DenyingApiServer;
import dev.ktriage.ui.SeedLab;
import dev.ktriage.ui.SessionLauncher;
import dev.ktriage.ui.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input form offers what the cluster has (the seed lab's pods and node), filtered by typing and
 * picked with the keys; a cluster that forbids everything offers nothing, says so, and its preflight
 * marks the steps these credentials cannot read. At 80x24, through the app's own loop.
 */
class TuiChoicesAndPreflightTest {

    private static final String W6 = "kube-system/coredns-749558f7dd-w6jdj";
    private static final String XPP = "kube-system/coredns-749558f7dd-xppfp";

    @TempDir
    static Path tmp;
    static SeedLab seed;

    @BeforeAll
    static void startLab() {
        seed = new SeedLab(tmp);
    }

    @AfterAll
    static void stopLab() {
        seed.close();
    }

    @Test
    void thePodInputOffersTheLabsPodsTypingFiltersAndEnterTakesTheHighlightedOne() throws Exception {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        try (App app = App.start(seed.workspace(new Workspace.Preset(SeedLab.PLAYBOOK, Map.of()), tmp), vt)) {
            String screen = VirtualScreens.await(vt, 30, "2 of 2 pods", W6, XPP, "type to filter  Down: pick  Tab: next field  Enter: start  F1: help");
            type(vt, "xpp");
            VirtualScreens.await(vt, 30, "1 of 2 pods", XPP);
            VirtualScreens.awaitGone(vt, 30, W6); // filtered out
            vt.addInput(new KeyStroke(KeyType.ArrowDown));
            screen = VirtualScreens.await(vt, 30, "> " + XPP, "Enter: take it");
            vt.addInput(new KeyStroke(KeyType.Enter));
            screen = VirtualScreens.await(vt, 30, "> pod*       " + XPP + "_", "= one of the 2 pods in kube-system listed",
                    "Enter starts the session");
            assertEquals(24, screen.lines().count());
            // erase back to the namespace: "kube-system/" lists that namespace's pods
            for (int i = 0; i < "coredns-749558f7dd-xppfp".length(); i++) vt.addInput(new KeyStroke(KeyType.Backspace));
            VirtualScreens.await(vt, 30, "pod*       kube-system/_", "2 of 2 pods", W6, XPP);
            vt.addInput(new KeyStroke('?', false, false)); // typed: '?' is text here, not help
            VirtualScreens.await(vt, 30, "no match among 2 pods in kube-system (free text is fine)");
        }
    }

    @Test
    void theNodeInputOffersTheLabsNodesAndTheHelpSaysHowToPick() throws Exception {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        try (App app = App.start(seed.workspace(new Workspace.Preset("martian-source", Map.of()), tmp), vt)) {
            VirtualScreens.await(vt, 30, "1 of 1 nodes", "  node0");
            vt.addInput(new KeyStroke(KeyType.ArrowDown));
            vt.addInput(new KeyStroke(KeyType.Enter));
            VirtualScreens.await(vt, 30, "> node*      node0_", "= one of the 1 nodes listed", "  podIP      (text)");
            vt.addInput(new KeyStroke(KeyType.Tab));
            VirtualScreens.await(vt, 30, "> podIP      _");
            VirtualScreens.awaitGone(vt, 30, "nodes listed"); // the offers belong to the focused field
            vt.addInput(new KeyStroke(KeyType.F1)); // ? is text in the form

            String screen = VirtualScreens.await(vt, 30, "typing filters the cluster's list, Up/Down pick", "kubectl auth can-i in it");
            assertEquals(24, screen.lines().count());
        }
    }

    @Test
    void aClusterThatForbidsEverythingOffersNothingAndItsPreflightMarksTheSteps() throws Exception {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        try (DenyingApiServer api = new DenyingApiServer(); ClusterGateway cluster = api.gateway()) {
            SessionLauncher sessions = (playbook, inputs, operator, listener) -> new SessionLauncher.FinishedSession(
                    new SessionEngine(seed.catalog(), cluster, null, operator, listener == null ? new SessionListener() { } : listener, null)
                            .run(playbook, inputs), tmp.resolve("denied.jsonl"));
            Workspace ws = new Workspace(seed.catalog(), sessions, cluster, null, cluster.describe(), Workspace.noTriage(),
                    new Workspace.Preset(SeedLab.PLAYBOOK, Map.of()), tmp);
            Playbook probes = seed.catalog().require(SeedLab.PLAYBOOK);
            assertTrue(ws.preflight(probes, Map.of("pod", "shop/web-1")).stream().anyMatch(g -> g.verdict().denied()
                    && g.need().step().equals("pod-spec")), "the workspace's preflight is the engine's");
            try (App app = App.start(ws, vt)) {
                String screen = VirtualScreens.await(vt, 30, "cannot list pods: forbidden", "type NAMESPACE/NAME");
                assertEquals(24, screen.lines().count());
                type(vt, "shop/web-1");
                VirtualScreens.await(vt, 30, "cannot list pods in shop: forbidden");
                vt.addInput(new KeyStroke(KeyType.Enter));
                // the only step it can run is forbidden: the session ends at once, the notice stays
                screen = VirtualScreens.await(vt, 30, "session ended: inconclusive: could not tell", "step(s) will be inconclusive (*): not allowed to get pods in shop");
                vt.addInput(new KeyStroke('s', false, false));
                screen = VirtualScreens.await(vt, 30, "[?]*Read the pod's probe", "* preflight: not allowed to get pods in shop (no",
                        "$ kubectl auth can-i get pods -n shop");
                assertEquals(24, screen.lines().count());
            }
        }
    }

    @Test
    void theLabAllowsEveryReadSoThePreflightMarksNothing() throws Exception {
        Workspace ws = seed.workspace(null, tmp);
        assertEquals(List.of(), ws.preflight(seed.catalog().require(SeedLab.PLAYBOOK), SeedLab.INPUTS));
        Workspace offline = new Workspace(seed.catalog(), seed.launcher(), null, null, "replay", Workspace.noTriage(), null, tmp);
        assertEquals(List.of(), offline.preflight(seed.catalog().require(SeedLab.PLAYBOOK), SeedLab.INPUTS), "no reviewer, no gaps");
    }

    @Test
    void preflightGapsMarkTheStepsOfHandedOffPlaybooksTooAndALateAnswerForAnEarlierSessionIsDropped() throws Exception {
        TuiState state = new TuiState("lab/default");
        state.openForm(seed.catalog().require(SeedLab.PLAYBOOK), SeedLab.INPUTS);
        state.sessionStarted();
        String screen = VirtualScreens.paint(state, 80, 24);
        assertTrue(screen.contains("preflight: checking access"), screen);
        state.stepStarted("pod-spec", "Read the pod's probes and status", "", "kubectl get pods x -n kube-system -o yaml");
        AccessCheck logs = AccessCheck.resource("get", "pods", "log", "kube-system");
        AccessCheck nodes = AccessCheck.resource("get", "nodes", "proxy", null);
        List<AccessPreflight.Gap> gaps = List.of(
                new AccessPreflight.Gap(new AccessPreflight.Need(SeedLab.PLAYBOOK, "app-logs", logs, false), new AccessVerdict(logs, false, "no rule")),
                new AccessPreflight.Gap(new AccessPreflight.Need("martian-source", "log-martians", nodes, false), new AccessVerdict(nodes, null, "timeout")));
        state.preflight(state.sessions - 1, gaps);
        assertTrue(state.gaps.isEmpty(), "an earlier session's preflight is not this one's");
        state.preflight(state.sessions, gaps);
        assertEquals("preflight: 1 step(s) will be inconclusive (*): not allowed to get pods/log in kube-system", state.notice);
        assertEquals(null, state.steps.get(0).access, "pod-spec needs nothing it lacks");
        state.stepStarted("app-logs", "Read the app's logs", "", "kubectl logs x -n kube-system");
        state.stepStarted("martian-source/log-martians", "Is martian logging on?", "", null);
        state.stepStarted("log-martians", "a step of the same name in the session's own playbook", "", null);
        assertEquals(logs, state.steps.get(1).access.need().check());
        assertEquals(nodes, state.steps.get(2).access.need().check());
        assertEquals(null, state.steps.get(3).access);
        state.shown = 2;
        screen = VirtualScreens.paint(state, 80, 24);
        assertTrue(screen.contains("[>]*Is martian logging"), screen);
        assertTrue(screen.contains("* preflight: could not check get nodes/proxy"), screen);
        assertTrue(screen.contains("$ kubectl auth can-i get nodes/proxy -A"), screen);
    }

    private static void type(DefaultVirtualTerminal vt, String text) {
        for (char c : text.toCharArray()) vt.addInput(new KeyStroke(c, false, false));
    }

    /** The TUI on its own GUI thread, quit with q (Esc first: q is text in the form). */
    private record App(Thread gui, DefaultVirtualTerminal vt) implements AutoCloseable {
        static App start(Workspace ws, DefaultVirtualTerminal vt) {
            Thread t = new Thread(() -> {
                try {
                    TuiApp.run(ws, vt);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, "test-gui-choices");
            t.start();
            return new App(t, vt);
        }

        @Override
        public void close() throws InterruptedException {
            vt.addInput(new KeyStroke(KeyType.EOF));
            gui.join(10_000);
            assertFalse(gui.isAlive(), "the TUI ends on EOF");
        }
    }
}
