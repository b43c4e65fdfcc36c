package dev.ktriage.lab.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * expect.yaml (format: docs/scenarios.md): the playbook to run, its inputs and answers, the diagnosis
 * it must reach, and (added to the original four keys) {@code mustNotReach}: diagnoses a near miss
 * must not reach; {@code confidence}: the one the expected diagnosis must have; {@code mustNotSay}:
 * text no diagnosis (summary, remedy, evidence) nor the inconclusive reason may contain;
 * {@code mustSay}: text one of them must contain; {@code conclusion}: diagnosed, healthy or
 * could-not-tell, the conclusion the run must come to.
 */
final class ExpectationReader {

    private static final List<String> KEYS = List.of("playbook", "set", "answers", "diagnosis", "mustNotReach", "confidence", "mustNotSay", "mustSay", "conclusion");
    private static final List<String> CONCLUSIONS = List.of("diagnosed", "healthy", "could-not-tell");

    private ExpectationReader() {
    }

    static Expectation read(Path file) {
        ScenarioValue root = ScenarioValue.document(file).mapping(KEYS);
        if (!root.has("playbook")) throw root.error("expect.yaml without 'playbook'");
        String playbook = root.get("playbook").string();
        Map<String, String> set = root.hasValue("set") ? root.get("set").scalarMap() : Map.of();
        Map<String, String> answers = root.hasValue("answers") ? root.get("answers").scalarMap() : Map.of();
        String diagnosis = root.hasValue("diagnosis") ? root.get("diagnosis").string() : null;
        List<String> mustNotReach = new ArrayList<>();
        if (root.hasValue("mustNotReach")) {
            for (ScenarioValue item : root.get("mustNotReach").list()) mustNotReach.add(item.string());
        }
        String confidence = null;
        if (root.hasValue("confidence")) {
            confidence = root.get("confidence").string();
            if (!List.of("high", "medium", "low").contains(confidence)) throw root.get("confidence").error("confidence is high, medium or low");
            if (diagnosis == null || diagnosis.equals("none")) throw root.get("confidence").error("'confidence' needs a diagnosis to expect");
        }
        List<String> mustNotSay = new ArrayList<>();
        if (root.hasValue("mustNotSay")) {
            for (ScenarioValue item : root.get("mustNotSay").list()) mustNotSay.add(item.string());
        }
        List<String> mustSay = new ArrayList<>();
        if (root.hasValue("mustSay")) {
            for (ScenarioValue item : root.get("mustSay").list()) mustSay.add(item.string());
        }
        String conclusion = null;
        if (root.hasValue("conclusion")) {
            ScenarioValue c = root.get("conclusion");
            conclusion = c.string();
            if (!CONCLUSIONS.contains(conclusion)) throw c.error("conclusion is diagnosed, healthy or could-not-tell");
            if (diagnosis != null && diagnosis.equals("none") == conclusion.equals("diagnosed")) {
                throw c.error("conclusion '" + conclusion + "' does not go with diagnosis '" + diagnosis + "'"
                        + (conclusion.equals("diagnosed") ? " (a diagnosed run reaches a diagnosis)" : " (healthy and could-not-tell reach none)"));
            }
        }
        return new Expectation(playbook, set, answers, diagnosis, mustNotReach, confidence, mustNotSay, mustSay, conclusion);
    }
}
