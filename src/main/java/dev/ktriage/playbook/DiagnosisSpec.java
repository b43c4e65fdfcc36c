package dev.ktriage.playbook;

import dev.ktriage.playbook.lang.Text;
import dev.ktriage.yaml.Location;
import java.util.Set;

/**
 * A cause a playbook can name. The id is public contract: once published it never changes.
 *
 * @param confidence high, medium or low
 * @param remedy     what to review and apply, safest first (templated with the evidence)
 * @param verify     what {@code ktriage verify} re-reads after a fix; null when the playbook declares nothing
 */
public record DiagnosisSpec(String id, String title, String confidence, Text summary, Text remedy, Location at, Verification verify) {

    public DiagnosisSpec(String id, String title, String confidence, Text summary, Text remedy, Location at) {
        this(id, title, confidence, summary, remedy, at, null);
    }

    public DiagnosisSpec withVerify(Verification v) {
        return new DiagnosisSpec(id, title, confidence, summary, remedy, at, v);
    }

    /** The confidences a diagnosis, or a rule that establishes one, may say. */
    public static final Set<String> CONFIDENCES = Set.of("high", "medium", "low");
}
