package dev.ktriage.verify;

import dev.ktriage.gateway.replay.ReplayClusterGateway;
import dev.ktriage.gateway.replay.ReplayNodeGateway;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.transcript.Transcript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Replays a verify's transcript with no network: the session it verifies is replayed for its
 * values, the recorded reads answer the checks, and every round must give the same check states
 * and verdicts as recorded.
 */
public final class VerifyReplay {

    /** @param same the replay gave what was recorded; detail says what differed, or what agreed */
    public record Result(boolean same, String detail, List<Round> rounds, VerifyTranscript.Recorded recorded) {
    }

    private VerifyReplay() {
    }

    public static Result replay(Path verifyTranscript, PlaybookCatalog catalog) {
        VerifyTranscript.Recorded rec = VerifyTranscript.read(verifyTranscript);
        Path firstPath = locate(rec);
        String sha = VerifyTranscript.sha256(firstPath);
        if (!sha.equals(rec.sha256())) {
            throw new Transcript.UnreadableException(firstPath + " is not the transcript this verify checked (its sha256 differs from the one recorded in "
                    + verifyTranscript + ")");
        }
        FirstSession first = FirstSession.replay(Transcript.read(firstPath), catalog);
        try (ReplayClusterGateway cluster = new ReplayClusterGateway(rec.exchanges()); ReplayNodeGateway nodes = new ReplayNodeGateway(rec.exchanges())) {
            Verifier v = new Verifier(catalog, first, cluster, nodes, new dev.ktriage.engine.SessionListener() { }, Clock.systemUTC());
            List<Round> now = new java.util.ArrayList<>();
            for (Round recorded : rec.rounds()) {
                Round r = v.round(recorded.number());
                now.add(r);
                String diff = compare(recorded, r);
                if (diff != null) return new Result(false, "round " + r.number() + ": " + diff, now, rec);
            }
            return new Result(true, "same checks and verdicts in " + rec.rounds().size() + " round(s): "
                    + (now.isEmpty() ? "none" : now.get(now.size() - 1).verdict().wireName()), now, rec);
        }
    }

    /** The first transcript where the verify found it, else beside the verify's own transcript (both copied elsewhere). */
    private static Path locate(VerifyTranscript.Recorded rec) {
        if (Files.isRegularFile(rec.verifies())) return rec.verifies();
        Path beside = rec.path().toAbsolutePath().resolveSibling(rec.verifies().getFileName());
        if (Files.isRegularFile(beside)) return beside;
        throw new Transcript.UnreadableException("the session this verify checked is not at " + rec.verifies() + " nor beside " + rec.path()
                + ": copy both transcripts together");
    }

    private static String compare(Round recorded, Round now) {
        if (recorded.diagnoses().size() != now.diagnoses().size()) {
            return "recorded " + recorded.diagnoses().size() + " diagnoses, now " + now.diagnoses().size();
        }
        for (int i = 0; i < now.diagnoses().size(); i++) {
            DiagnosisVerdict b = recorded.diagnoses().get(i);
            DiagnosisVerdict a = now.diagnoses().get(i);
            for (int j = 0; j < Math.max(a.checks().size(), b.checks().size()); j++) {
                CheckResult cb = j < b.checks().size() ? b.checks().get(j) : null;
                CheckResult ca = j < a.checks().size() ? a.checks().get(j) : null;
                if (cb == null || ca == null || cb.state() != ca.state() || !Objects.equals(cb.step(), ca.step())) {
                    return "check " + (j + 1) + " of " + a.diagnosis() + ": recorded " + (cb == null ? "none" : cb.step() + " " + cb.state().wireName())
                            + ", now " + (ca == null ? "none" : ca.step() + " " + ca.state().wireName());
                }
            }
            if (a.verdict() != b.verdict()) return a.diagnosis() + ": recorded " + b.verdict().wireName() + ", now " + a.verdict().wireName();
        }
        return null;
    }
}
