package dev.ktriage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.cel.Durations;
import dev.ktriage.engine.BadInputException;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.ui.VerifyLines;
import dev.ktriage.verify.Round;
import dev.ktriage.verify.VerifySession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = {
        "After a fix: re-read, live, the facts a recorded diagnosis rests on (its",
        "playbook's verify checks), and whether the fix lasts: fixed, not fixed, partly",
        "fixed, not durable or could not tell. Writes a new transcript linked to the",
        "first; ktriage replay replays it.",
        "Exit codes: 0 fixed, 2 could not tell, 5 not fixed, partly fixed or not durable",
        "(with --watch, also when the fault came back), 1 error, 130 interrupted."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRANSCRIPT", description = "The transcript of the session that made the diagnosis.")
    Path first;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Mixin
    PlaybookOptions playbooks = new PlaybookOptions();

    @Option(names = "--watch", paramLabel = "DURATION", description = "Check again every --every for this long (90s, 10m, 1h) and report the moment the fault comes back.")
    String watch;

    @Option(names = "--every", paramLabel = "DURATION", defaultValue = "30s", description = "The interval of --watch (default: ${DEFAULT-VALUE}).")
    String every;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--transcript", paramLabel = "FILE", description = "Where to write the verify's transcript (default: ~/.local/state/ktriage/transcripts/).")
    Path transcript;

    @Override
    public Integer call() {
        boolean json = TextOrJson.json(output);
        Duration total = watch == null ? Duration.ZERO : duration("--watch", watch);
        Duration interval = duration("--every", every);
        if (watch != null && interval.compareTo(total) > 0) throw new BadInputException("--every (" + every + ") is longer than --watch (" + watch + ")");
        PrintWriter out = spec.commandLine().getOut();
        PlaybookCatalog catalog = playbooks.catalog();
        try (Target t = Target.open(target);
             StopOnSignal signals = new StopOnSignal(new dev.ktriage.ui.batch.BatchOperator(java.util.Map.of()));
             VerifySession v = VerifySession.start(catalog, first, t.cluster(), t.nodes(),
                     transcript != null ? transcript : Transcripts.defaultPath("verify"), Version.current(), null)) {
            if (!json) out.println("Verifying the diagnosis of " + first + " (playbook " + v.first().transcript().playbook() + "), live:");
            List<Round> rounds = new ArrayList<>();
            long deadline = System.nanoTime() + total.toNanos();
            Round previous = null;
            while (true) {
                Round r = v.round();
                rounds.add(r);
                if (!json) show(out, previous, r, v.cameBack());
                out.flush();
                previous = r;
                if (watch == null || !sleep(interval, deadline, signals)) break;
            }
            if (signals.stopRequested()) {
                v.end("interrupted", "the operator stopped the verify after round " + rounds.size());
                if (!json) out.println("Stopped after round " + rounds.size() + ".");
            }
            if (json) {
                out.println(TextOrJson.print(json(v, rounds)));
            } else {
                out.println();
                out.println("Verdict: " + previous.verdict().wireName() + (v.regressed() ? " (the fault came back during the watch)" : "")
                        + (rounds.size() > 1 ? " after " + rounds.size() + " rounds" : ""));
                out.println("Transcript: " + v.transcript() + " (verifies " + v.first().transcript().path() + ")");
            }
            out.flush();
            return signals.stopRequested() ? 130 : v.exitCode();
        }
    }

    /** The first round in full; after it, a line per round, and the full round when anything changed. */
    private static void show(PrintWriter out, Round previous, Round r, boolean cameBack) {
        if (previous == null) {
            VerifyLines.round(r).forEach(out::println);
            return;
        }
        boolean changed = !VerifyLines.round(previous).equals(VerifyLines.round(r));
        if (cameBack) out.println(VerifyLines.time(r) + " REGRESSION in round " + r.number() + ": the fault is back (" + r.verdict().wireName() + ")");
        else out.println(VerifyLines.brief(r) + (changed ? " (changed)" : " (unchanged)"));
        if (changed) VerifyLines.round(r).forEach(out::println);
    }

    /** Waits for the next round; false when the watch is over or a stop was asked for. */
    private static boolean sleep(Duration interval, long deadline, StopOnSignal signals) {
        long next = System.nanoTime() + interval.toNanos();
        if (next > deadline) return false;
        while (System.nanoTime() < next) {
            if (signals.stopRequested()) return false;
            try {
                Thread.sleep(Math.min(200, Math.max(1, (next - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                return false;
            }
        }
        return !signals.stopRequested();
    }

    private static ObjectNode json(VerifySession v, List<Round> rounds) {
        ObjectNode o = TextOrJson.object();
        o.put("transcript", v.transcript().toString());
        o.put("verifies", v.first().transcript().path().toString());
        o.put("verdict", rounds.get(rounds.size() - 1).verdict().wireName());
        o.put("regressed", v.regressed());
        ArrayNode rs = o.putArray("rounds");
        rounds.forEach(r -> rs.add(VerifyLines.json(r)));
        return o;
    }

    private static Duration duration(String option, String text) {
        double s;
        try {
            s = Durations.seconds(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": '" + text + "' is not a duration (e.g. 30s, 10m, 1h)");
        }
        if (s < 1) throw new BadInputException(option + " must be at least 1s, not " + text);
        return Duration.ofMillis((long) (s * 1000));
    }
}
