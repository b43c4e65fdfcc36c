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
 * {@code mustSay}: text one of them must contain.
 */
final class ExpectationReader {

    private static final List<String> KEYS = List.of("playbook", "set", "answers", "diagnosis", "mustNotReach", "confidence", "mustNotSay", "mustSay");

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
        return new Expectation(playbook, set, answers, diagnosis, mustNotReach, confidence, mustNotSay, mustSay);
    }
}
