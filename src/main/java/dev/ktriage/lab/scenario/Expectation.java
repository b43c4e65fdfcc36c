package dev.ktriage.lab.scenario;

import java.util.List;
import java.util.Map;

/**
 * expect.yaml: what a run of {@code playbook} on this scenario must conclude ({@code diagnosis} may
 * be "none"), the diagnoses it must not reach (near misses), the confidence the expected diagnosis
 * must have (null: any), text the conclusion must not say (a remedy recommending what is
 * already configured, a wrong description of the evidence) or must say (the fact it rests on), and
 * the conclusion the run must come to: diagnosed, healthy or could-not-tell (null: any).
 */
public record Expectation(String playbook, Map<String, String> set, Map<String, String> answers, String diagnosis,
                          List<String> mustNotReach, String confidence, List<String> mustNotSay, List<String> mustSay,
                          String conclusion) {

    public Expectation {
        set = Map.copyOf(set);
        answers = Map.copyOf(answers);
        mustNotReach = List.copyOf(mustNotReach);
        mustNotSay = List.copyOf(mustNotSay);
        mustSay = List.copyOf(mustSay);
    }

    public Expectation(String playbook, Map<String, String> set, Map<String, String> answers, String diagnosis,
                       List<String> mustNotReach, String confidence, List<String> mustNotSay, List<String> mustSay) {
        this(playbook, set, answers, diagnosis, mustNotReach, confidence, mustNotSay, mustSay, null);
    }

    public Expectation(String playbook, Map<String, String> set, Map<String, String> answers, String diagnosis) {
        this(playbook, set, answers, diagnosis, List.of(), null, List.of(), List.of(), null);
    }
}
