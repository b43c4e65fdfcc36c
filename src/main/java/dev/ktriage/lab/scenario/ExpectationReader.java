package dev.ktriage.lab.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * expect.yaml (format: docs/scenarios.md): the playbook to run, its inputs and answers, the diagnosis
 * it must reach, and (added to the original four keys) {@code mustNotReach}: diagnoses a near miss
 * must not reach.
 */
final class ExpectationReader {

    private static final List<String> KEYS = List.of("playbook", "set", "answers", "diagnosis", "mustNotReach");

    private ExpectationReader() {
    }

    static Expectation read(Path file) {
        YamlDocument doc = YamlDocument.readOne(file);
        ObjectNode root = doc.mapping("", doc.root(), KEYS);
        if (!root.has("playbook")) throw doc.error("", "expect.yaml without 'playbook'");
        String playbook = doc.string("/playbook", root.get("playbook"));
        Map<String, String> set = root.hasNonNull("set") ? doc.scalarMap("/set", root.get("set")) : Map.of();
        Map<String, String> answers = root.hasNonNull("answers") ? doc.scalarMap("/answers", root.get("answers")) : Map.of();
        String diagnosis = root.hasNonNull("diagnosis") ? doc.string("/diagnosis", root.get("diagnosis")) : null;
        List<String> mustNotReach = new ArrayList<>();
        if (root.hasNonNull("mustNotReach")) {
            var items = doc.list("/mustNotReach", root.get("mustNotReach"));
            for (int i = 0; i < items.size(); i++) mustNotReach.add(doc.string("/mustNotReach/" + i, items.get(i)));
        }
        return new Expectation(playbook, set, answers, diagnosis, mustNotReach);
    }
}
