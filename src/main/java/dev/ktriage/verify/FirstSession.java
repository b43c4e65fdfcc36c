package dev.ktriage.verify;

import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.Outcome;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.replay.Replayer;
import dev.ktriage.transcript.Transcript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session a verify checks: its transcript replayed with no network, which gives back every value
 * it had when it made each diagnosis (the pod's device, the node, the route it read). A transcript
 * that no longer replays the same way, or that names no diagnosis, cannot be verified.
 */
public record FirstSession(Transcript transcript, List<Diagnosis> diagnoses, Map<String, Map<String, Object>> values) {

    /** Why the session cannot be verified, in one line. */
    public static final class NotVerifiable extends RuntimeException {
        public NotVerifiable(String message) {
            super(message);
        }
    }

    public static FirstSession replay(Transcript t, PlaybookCatalog catalog) {
        if (!"diagnosed".equals(t.outcome())) {
            throw new NotVerifiable(t.path() + ": the session " + (t.outcome() == null ? "has no end record"
                    : "ended " + t.outcome()) + ", with no diagnosis to verify");
        }
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        Replayer.Verdict v = Replayer.replay(t, catalog, new SessionListener() {
            @Override
            public void diagnosisState(Diagnosis d, Map<String, Object> variables) {
                values.put(d.id(), new java.util.HashMap<>(variables)); // the walk goes on changing them
            }
        });
        if (!v.same() || v.result().outcome() != Outcome.DIAGNOSED) {
            throw new NotVerifiable(t.path() + ": the transcript no longer replays the same way with these playbooks (" + v.detail()
                    + "); verify needs the values the session had");
        }
        return new FirstSession(t, new ArrayList<>(v.result().diagnoses()), values);
    }
}
