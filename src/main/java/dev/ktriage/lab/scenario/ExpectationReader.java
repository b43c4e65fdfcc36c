package dev.ktriage.lab.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** expect.yaml: the playbook to run, its inputs and answers, and the diagnosis it must reach. */
final class ExpectationReader {

    private static final List<String> KEYS = List.of("playbook", "set", "answers", "diagnosis");

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
        return new Expectation(playbook, set, answers, diagnosis);
    }
}
