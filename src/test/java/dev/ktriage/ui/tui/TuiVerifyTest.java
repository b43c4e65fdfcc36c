package dev.ktriage.ui.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.ktriage.ui.SeedLab;
import dev.ktriage.ui.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v on the end screen: the finished session's facts re-read live, the verdict and each check shown above the evidence. */
class TuiVerifyTest {

    @TempDir
    Path tmp;

    @Test
    void vOnTheEndScreenShowsTheVerdictOfALiveReRead() throws Exception {
        try (SeedLab seed = new SeedLab(tmp)) {
            Workspace ws = seed.workspace(new Workspace.Preset(SeedLab.PLAYBOOK, SeedLab.INPUTS), tmp);
            DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
            Thread gui = new Thread(() -> {
                try {
                    TuiApp.run(ws, vt);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, "test-gui-verify");
            gui.start();
            try {
                VirtualScreens.await(vt, 30, "kube-system/coredns-749558f7dd-w6jdj");
                vt.addInput(new KeyStroke(KeyType.Enter));
                String end = VirtualScreens.await(vt, 60, "v: verify", "[!] rp-filter-strict-on-cni-device");
                assertFalse(end.contains("Verify at"), end);
                vt.addInput(new KeyStroke('v', false, false));
                String verified = VirtualScreens.await(vt, 60, "Verify at", "UTC: NOT FIXED", "rp-filter-strict-on-cni-device: not fixed");
                assertTrue(verified.contains("verify: not fixed"), "the notice says the verdict: " + verified);
                assertTrue(verified.lines().allMatch(l -> l.length() <= 80), verified);
            } finally {
                vt.addInput(new KeyStroke(KeyType.EOF));
                gui.join(10_000);
            }
        }
    }
}
