package dev.ktriage.ui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.engine.SessionEngine;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.playbook.ExtractorRegistry;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.PlaybookSources;
import dev.ktriage.ui.DenyingApiServer;
import dev.ktriage.ui.SeedLab;
import dev.ktriage.ui.SessionLauncher;
import dev.ktriage.ui.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code start} in the REPL runs the RBAC preflight {@code ktriage run} runs: against credentials
 * that may read nothing, it names the steps that will be inconclusive, the verb and resource, and
 * the {@code kubectl auth can-i} command, before the first step; the session still runs to its end.
 */
class ReplPreflightTest {

    @TempDir
    Path tmp;

    private final List<String> printed = new CopyOnWriteArrayList<>();

    @Test
    void startNamesTheDeniedReadsBeforeTheFirstStepAndTheSessionGoesOn() throws Exception {
        PlaybookCatalog catalog = PlaybookCatalog.load(PlaybookSources.builtIn(), ExtractorRegistry.fromClassLoader(getClass().getClassLoader()));
        try (DenyingApiServer api = new DenyingApiServer(); ClusterGateway cluster = api.gateway()) {
            SessionLauncher sessions = (playbook, inputs, operator, listener) -> new SessionLauncher.FinishedSession(
                    new SessionEngine(catalog, cluster, null, operator, listener, null).run(playbook, inputs), tmp.resolve("t.jsonl"));
            Workspace ws = new Workspace(catalog, sessions, cluster, null, cluster.describe(), Workspace.noTriage(), null, tmp);
            ReplCommands r = new ReplCommands(ws, printed::add);

            String started = r.execute("start failing-probes --set pod=shop/web-1");
            assertTrue(started.startsWith("started failing-probes {pod=shop/web-1}"), started + "\n" + printed);
            r.execute("continue");
            await("session ended:");

            int preflight = indexOf("preflight: step 'failing-probes/pod-spec' will be inconclusive: not allowed to get pods");
            int firstStep = indexOf("[1] ");
            assertTrue(preflight >= 0 && preflight < firstStep, "the preflight comes before the first step: " + printed);
            String line = printed.get(preflight);
            assertTrue(line.contains("(no RBAC rule)") && line.contains("kubectl auth can-i get pods -n shop"), line);
            assertTrue(printed.subList(0, firstStep).stream().anyMatch(p -> p.startsWith("preflight: step 'failing-probes/probe-events'")
                    && p.contains("not allowed to list events") && p.contains("kubectl auth can-i list events -n shop")),
                    "every denied read is named, not only the first: " + printed);
            assertTrue(printed.stream().anyMatch(p -> p.contains("? inconclusive:") && p.contains("forbidden")), printed.toString());
            assertTrue(printed.get(printed.size() - 1).startsWith("session ended: no diagnosis"), printed.toString());
        }
    }

    @Test
    void onTheLabEverythingIsAllowedSoThePreflightSaysNothing() throws Exception {
        try (SeedLab seed = new SeedLab(tmp)) {
            ReplCommands r = new ReplCommands(seed.workspace(null, tmp), printed::add);
            assertEquals(List.of(), seed.workspace(null, tmp).preflight(seed.catalog().require(SeedLab.PLAYBOOK), SeedLab.INPUTS));
            r.execute("start failing-probes pod=kube-system/coredns-749558f7dd-w6jdj");
            r.execute("continue");
            await("session ended:");
            assertTrue(printed.stream().noneMatch(p -> p.startsWith("preflight:")), printed.toString());
        }
    }

    private int indexOf(String prefix) {
        for (int i = 0; i < printed.size(); i++) if (printed.get(i).startsWith(prefix)) return i;
        return -1;
    }

    private void await(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (indexOf(prefix) < 0) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + prefix + ": " + printed);
            Thread.sleep(20);
        }
    }
}
