package dev.ktriage.lab.scenario;

import java.util.List;
import java.util.Map;

/**
 * expect.yaml: what a run of {@code playbook} on this scenario must conclude ({@code diagnosis} may
 * be "none"), and the diagnoses it must not reach (near misses).
 */
public record Expectation(String playbook, Map<String, String> set, Map<String, String> answers, String diagnosis,
                          List<String> mustNotReach) {

    public Expectation {
        set = Map.copyOf(set);
        answers = Map.copyOf(answers);
        mustNotReach = List.copyOf(mustNotReach);
    }

    public Expectation(String playbook, Map<String, String> set, Map<String, String> answers, String diagnosis) {
        this(playbook, set, answers, diagnosis, List.of());
    }
}
