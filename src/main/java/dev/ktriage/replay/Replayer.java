package dev.ktriage.replay;

import dev.ktriage.engine.Operator;
import dev.ktriage.engine.SessionEngine;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.engine.StepStatus;
import dev.ktriage.gateway.replay.ReplayClusterGateway;
import dev.ktriage.gateway.replay.ReplayNodeGateway;
import dev.ktriage.playbook.Input;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.transcript.Transcript;
import java.util.List;
import java.util.Objects;

/**
 * Re-runs a recorded session's playbook against its transcript, with no network, and says whether
 * it reaches the same diagnosis and, if not, the first step that went another way. It sits above
 * both the transcript and the replay gateways (which read transcripts), so neither depends on it.
 */
public final class Replayer {

    /**
     * @param same         the same steps, findings and diagnoses as recorded
     * @param divergedStep the first step that differs, or null
     * @param detail       what differed, in one line
     * @param incomplete   the transcript has no end record: nothing diverged, there is only less to compare
     */
    public record Verdict(boolean same, String divergedStep, String detail, SessionResult result, boolean incomplete) {

        Verdict(boolean same, String divergedStep, String detail, SessionResult result) {
            this(same, divergedStep, detail, result, false);
        }
    }

    private Replayer() {
    }

    public static Verdict replay(Transcript t, PlaybookCatalog catalog, SessionListener listener) {
        try (ReplayClusterGateway cluster = new ReplayClusterGateway(t); ReplayNodeGateway nodes = new ReplayNodeGateway(t)) {
            Operator recorded = new Operator() {
                @Override
                public String answer(String id, String text, List<String> choices) {
                    String a = t.answers().get(id);
                    if (a == null) throw new NoAnswerException(id, "question '" + id + "' was not answered in the recorded session");
                    return a;
                }

                @Override
                public String provideInput(Input input, List<String> candidates) {
                    throw new NoAnswerException(input.id(), "input '" + input.id() + "' was not given in the recorded session");
                }
            };
            SessionResult result = new SessionEngine(catalog, cluster, nodes, recorded, listener, t.namespace()).run(t.playbook(), t.inputs());
            return compare(t, result);
        }
    }

    static Verdict compare(Transcript t, SessionResult now) {
        List<StepRecord> before = t.steps();
        boolean stopped = "interrupted".equals(t.outcome());
        List<StepRecord> after = now.steps();
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            StepRecord b = i < before.size() ? before.get(i) : null;
            StepRecord a = i < after.size() ? after.get(i) : null;
            if (b == null && (t.outcome() == null || stopped)) return incomplete(t, now);
            if (b == null) return new Verdict(false, a.id(), "step '" + a.id() + "' was not in the recorded session", now);
            if (stopped && i == before.size() - 1 && b.status() == StepStatus.INCONCLUSIVE) return incomplete(t, now); // cut short by the stop
            if (a == null) return new Verdict(false, b.id(), "the replay stopped before recorded step '" + b.id() + "'", now);
            if (!a.id().equals(b.id())) {
                return new Verdict(false, b.id(), "recorded step '" + b.id() + "', replay went to '" + a.id() + "'", now);
            }
            if (a.status() != b.status() || !Objects.equals(a.finding(), b.finding())) {
                return new Verdict(false, a.id(), "step '" + a.id() + "': recorded " + describe(b) + ", now " + describe(a), now);
            }
        }
        List<String> ids = now.diagnoses().stream().map(d -> d.id()).toList();
        if (t.outcome() == null || stopped) return incomplete(t, now);
        if (!ids.equals(t.diagnoses())) {
            return new Verdict(false, after.isEmpty() ? null : after.get(after.size() - 1).id(),
                    "recorded diagnoses " + t.diagnoses() + ", now " + ids, now);
        }
        // transcripts from before the conclusion was recorded have none to compare
        if (t.conclusion() != null && !t.conclusion().equals(now.conclusion().wireName())) {
            return new Verdict(false, after.isEmpty() ? null : after.get(after.size() - 1).id(),
                    "recorded conclusion " + t.conclusion() + ", now " + now.conclusion().wireName(), now);
        }
        return new Verdict(true, null, "same steps and diagnoses " + ids, now);
    }

    /**
     * A transcript with no end record (the session was killed, or the file cut off), or of a session
     * the operator stopped: said as such, with where it stops. The step a stop cut short is not
     * compared (it may have been cut in the middle of its reads).
     */
    private static Verdict incomplete(Transcript t, SessionResult now) {
        List<StepRecord> before = t.steps();
        String where = before.isEmpty() ? "before its first step" : "after step '" + before.get(before.size() - 1).id() + "'";
        String why = "interrupted".equals(t.outcome()) ? "the session was stopped by the operator" : "it has no end record";
        return new Verdict(false, null, "the transcript is incomplete: " + why + " and stops " + where + " ("
                + before.size() + " step(s) recorded); the replay agrees with every recorded step", now, true);
    }

    private static String describe(StepRecord s) {
        return s.status().wireName() + (s.finding() == null ? "" : " with finding '" + s.finding() + "'");
    }
}
