package dev.ktriage.cli;

import dev.ktriage.replay.Replayer;
import dev.ktriage.transcript.Transcript;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "replay", description = {
        "Re-run a recorded session's playbook against its transcript, with no network.",
        "Exit 0 when it reaches the same steps and diagnosis, 1 when not (naming the first step that diverged)."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A transcript (.jsonl) written by ktriage run, demo or the TUI.")
    Path file;

    @Mixin
    PlaybookOptions playbooks = new PlaybookOptions();

    @Override
    public Integer call() {
        return replay(spec.commandLine().getOut(), spec.commandLine().getErr(), file, playbooks);
    }

    /** The replay itself, also called by {@link Main} for a plain {@code ktriage replay FILE} without building picocli's model. */
    static int replay(PrintWriter out, PrintWriter err, Path file, PlaybookOptions playbooks) {
        CatalogPrefetch catalog = CatalogPrefetch.start(playbooks, file);
        Transcript t;
        try {
            t = Transcript.read(file);
        } catch (RuntimeException e) {
            catalog.abandon();
            throw e;
        }
        Replayer.Verdict v = Replayer.replay(t, catalog.await(err), new dev.ktriage.engine.SessionListener() { });
        if (v.same()) {
            out.println("replay ok: " + t.playbook() + " — " + v.detail());
            out.flush();
            return 0;
        }
        if (v.incomplete()) err.println("ktriage: " + t.path() + ": " + v.detail());
        else err.println("ktriage: replay diverged" + (v.divergedStep() == null ? "" : " at step '" + v.divergedStep() + "'")
                + ": " + v.detail());
        err.flush();
        return 1;
    }
}
