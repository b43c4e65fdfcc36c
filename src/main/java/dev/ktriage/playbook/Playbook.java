package dev.ktriage.playbook;

import dev.ktriage.yaml.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guided troubleshooting procedure: the symptoms that suggest it, the inputs it needs, its steps
 * (the first one starts), and the diagnoses it can reach.
 *
 * @param origin where it was loaded from (built-in, a plugin id), shown in {@code ktriage list}
 */
public record Playbook(
        String id,
        String title,
        String description,
        List<Symptom> symptoms,
        List<Input> inputs,
        Map<String, Step> steps,
        Map<String, DiagnosisSpec> diagnoses,
        String origin,
        Location at) {

    public Step firstStep() {
        return steps.values().iterator().next();
    }

    public Optional<Step> step(String id) {
        return Optional.ofNullable(steps.get(id));
    }
}
