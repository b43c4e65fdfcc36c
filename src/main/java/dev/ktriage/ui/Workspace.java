package dev.ktriage.ui;

import dev.ktriage.engine.AccessPreflight;
import dev.ktriage.gateway.AccessReviewer;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.PlaybookCatalog;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an interactive front end works with, built by the cli: the playbooks, a way to run a session,
 * the target's gateways for ad-hoc reads, and what triage suggests (empty until triage exists).
 *
 * @param where   the context and namespace, as the status line and the prompt show them
 * @param triage  symptoms found on the target and the playbooks they suggest; may be slow, called off the GUI thread
 * @param preset  a session to offer first (the demo's incident), or null
 * @param stateDir where reports and history go
 */
public record Workspace(PlaybookCatalog catalog, SessionLauncher sessions, ClusterGateway cluster, NodeGateway nodes,
                        String where, Supplier<List<Suggestion>> triage, Preset preset, Path stateDir) {

    /** The playbook and inputs a front end opens on, ready to start. */
    public record Preset(String playbook, Map<String, String> inputs) {
        public Preset {
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs)); // keeps the playbook's order
        }
    }

    /**
     * The reads of {@code playbook} (and of those it hands off to) these credentials may not make,
     * as {@code ktriage run} reports them before it starts; empty when the target cannot review
     * access (replay). One access review per distinct read: call it off the GUI thread.
     */
    public List<AccessPreflight.Gap> preflight(Playbook playbook, Map<String, String> inputs) {
        if (!(cluster instanceof AccessReviewer reviewer)) return List.of();
        return AccessPreflight.check(catalog, playbook.id(), inputs, sessions.namespace(), reviewer, sessions.nodeStepNeeds());
    }

    /** A verify's round and where its transcript was written. */
    public record Verified(dev.ktriage.verify.Round round, Path transcript) {
    }

    /**
     * After a fix: the diagnoses of a finished session re-read live on this workspace's target, once
     * ({@code ktriage verify}), written to a transcript of its own beside the session's. Blocks: call
     * it off the GUI thread.
     *
     * @throws RuntimeException with a one-line message when the session cannot be verified
     */
    public Verified verify(Path transcript) {
        String name = transcript.getFileName().toString().replaceFirst("\\.jsonl$", "");
        Path out = transcript.toAbsolutePath().resolveSibling(name + "-verify.jsonl");
        for (int n = 2; java.nio.file.Files.exists(out); n++) out = out.resolveSibling(name + "-verify-" + n + ".jsonl");
        String version = Workspace.class.getPackage().getImplementationVersion();
        try (dev.ktriage.verify.VerifySession v = dev.ktriage.verify.VerifySession.start(catalog, transcript, cluster, nodes, out,
                version == null ? "dev" : version, null)) {
            return new Verified(v.round(), v.transcript());
        }
    }

    /** Triage is another engineer's work: until it lands, it suggests nothing. */
    public static Supplier<List<Suggestion>> noTriage() {
        return List::of;
    }
}
