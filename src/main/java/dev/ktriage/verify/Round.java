package dev.ktriage.verify;

import java.time.Instant;
import java.util.List;

/** One pass over every diagnosis's checks: {@code ktriage verify} makes one, {@code --watch} one per interval. */
public record Round(int number, Instant at, List<DiagnosisVerdict> diagnoses) {

    public Round {
        diagnoses = List.copyOf(diagnoses);
    }

    /** The worst of the diagnoses' verdicts. */
    public Verdict verdict() {
        Verdict v = Verdict.FIXED;
        for (DiagnosisVerdict d : diagnoses) v = Verdict.worst(v, d.verdict());
        return v;
    }
}
