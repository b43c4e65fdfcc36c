package dev.ktriage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.replay.Replayer;
import dev.ktriage.transcript.Transcript;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String output;

    @Override
    public Integer call() throws Exception {
        if (dev.ktriage.verify.VerifyTranscript.is(file)) return verify(spec.commandLine().getOut(), spec.commandLine().getErr(), file, playbooks, TextOrJson.json(output));
        if (!TextOrJson.json(output)) return replay(spec.commandLine().getOut(), spec.commandLine().getErr(), file, playbooks);
        PrintWriter err = spec.commandLine().getErr();
        Replayer.Verdict v = verdict(err, file, playbooks);
        ObjectNode root = TextOrJson.object();
        root.put("transcript", file.toString());
        root.put("playbook", v.result().playbook());
        root.put("same", v.same());
        root.put("incomplete", v.incomplete());
        if (v.divergedStep() != null) root.put("divergedStep", v.divergedStep());
        root.put("detail", v.detail());
        root.put("outcome", v.result().outcome().name().toLowerCase(Locale.ROOT));
        root.put("conclusion", v.result().conclusion().wireName());
        ArrayNode ids = root.putArray("diagnoses");
        v.result().diagnoses().forEach(d -> ids.add(d.id()));
        spec.commandLine().getOut().println(TextOrJson.print(root));
        spec.commandLine().getOut().flush();
        if (!v.same()) complain(err, file, v);
        return v.same() ? 0 : 1;
    }

    /** The replay itself, also called by {@link Main} for a plain {@code ktriage replay FILE} without building picocli's model. */
    static int replay(PrintWriter out, PrintWriter err, Path file, PlaybookOptions playbooks) {
        if (dev.ktriage.verify.VerifyTranscript.is(file)) return verify(out, err, file, playbooks, false);
        Replayer.Verdict v = verdict(err, file, playbooks);
        if (v.same()) {
            out.println("replay ok: " + v.result().playbook() + " — " + v.detail());
            out.flush();
            return 0;
        }
        complain(err, file, v);
        return 1;
    }

    private static Replayer.Verdict verdict(PrintWriter err, Path file, PlaybookOptions playbooks) {
        CatalogPrefetch catalog = CatalogPrefetch.start(playbooks, file);
        Transcript t;
        try {
            t = Transcript.read(file);
        } catch (RuntimeException e) {
            catalog.abandon();
            throw e;
        }
        return Replayer.replay(t, catalog.await(err), new dev.ktriage.engine.SessionListener() { });
    }

    /** A verify's transcript: the session it checked replayed for its values, then each recorded round again. */
    private static int verify(PrintWriter out, PrintWriter err, Path file, PlaybookOptions playbooks, boolean json) {
        dev.ktriage.verify.VerifyReplay.Result r = dev.ktriage.verify.VerifyReplay.replay(file, playbooks.catalog());
        if (json) {
            ObjectNode root = TextOrJson.object();
            root.put("transcript", file.toString());
            root.put("verifies", r.recorded().verifies().toString());
            root.put("same", r.same());
            root.put("detail", r.detail());
            root.put("verdict", r.rounds().isEmpty() ? null : r.rounds().get(r.rounds().size() - 1).verdict().wireName());
            ArrayNode rounds = root.putArray("rounds");
            r.rounds().forEach(x -> rounds.add(dev.ktriage.ui.VerifyLines.json(x)));
            out.println(TextOrJson.print(root));
        } else if (r.same()) {
            out.println("replay ok: verify of " + r.recorded().verifies() + " — " + r.detail());
        }
        out.flush();
        if (!r.same()) {
            err.println("ktriage: replay of the verify diverged: " + r.detail());
            err.flush();
        }
        return r.same() ? 0 : 1;
    }

    private static void complain(PrintWriter err, Path file, Replayer.Verdict v) {
        if (v.incomplete()) err.println("ktriage: " + file + ": " + v.detail());
        else err.println("ktriage: replay diverged" + (v.divergedStep() == null ? "" : " at step '" + v.divergedStep() + "'")
                + ": " + v.detail());
        err.flush();
    }
}
