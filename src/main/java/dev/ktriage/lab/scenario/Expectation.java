package dev.ktriage.lab.scenario;

import java.util.Map;

/** expect.yaml: what a run of {@code playbook} on this scenario must conclude ({@code diagnosis} may be "none"). */
public record Expectation(String playbook, Map<String, String> set, Map<String, String> answers, String diagnosis) {

    public Expectation {
        set = Map.copyOf(set);
        answers = Map.copyOf(answers);
    }
}
