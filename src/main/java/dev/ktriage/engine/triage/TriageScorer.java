package dev.ktriage.engine.triage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.playbook.Input;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.Symptom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure ranking: a playbook scores its symptoms' weight for every affected object (events of one
 * object count once, so a noisy pod does not drown the rest), plus its weight for an unavailable
 * APIService. Ties keep the catalog order.
 */
final class TriageScorer {

    private TriageScorer() {
    }

    /** @param signShown by APIService name or raw path: whether that sign shows (not Available; failing or empty) */
    static List<Suggestion> rank(List<Playbook> playbooks, Map<String, List<JsonNode>> eventsByReason,
                                 Map<String, Boolean> signShown) {
        List<Suggestion> out = new ArrayList<>();
        for (Playbook p : playbooks) {
            double score = 0;
            List<String> signs = new ArrayList<>();
            List<String> examples = new ArrayList<>();
            Map<String, Integer> countByObject = new HashMap<>();
            Map<String, JsonNode> objectOf = new LinkedHashMap<>();
            for (Symptom s : p.symptoms()) {
                if (!s.isEvent()) {
                    String what = s.apiService() != null ? s.apiService() : s.raw();
                    if (signShown.getOrDefault(what, false)) {
                        score += s.weight();
                        signs.add(!s.says().isBlank() ? s.says()
                                : s.apiService() != null ? "APIService " + what + " is not Available" : what + " fails or lists nothing");
                    }
                    continue;
                }
                Map<String, Integer> objects = new LinkedHashMap<>();
                for (JsonNode e : eventsByReason.getOrDefault(s.reason(), List.of())) {
                    String message = e.path("message").asText();
                    if (s.message() != null && !s.message().matcher(message).find()) continue;
                    JsonNode obj = e.path("involvedObject");
                    String key = obj.path("kind").asText() + ":" + obj.path("namespace").asText() + "/" + obj.path("name").asText();
                    int count = Math.max(1, e.path("count").asInt(1));
                    objects.merge(key, count, Integer::sum);
                    countByObject.merge(key, count, Integer::sum);
                    objectOf.putIfAbsent(key, e);
                    if (examples.size() < 3) examples.add(message);
                }
                if (!objects.isEmpty()) {
                    score += s.weight() * objects.size();
                    signs.add((s.says().isBlank() ? s.reason() + " events" : s.says()) + " (" + objects.size() + " object"
                            + (objects.size() == 1 ? "" : "s") + ")");
                }
            }
            if (score > 0) out.add(new Suggestion(p.id(), p.title(), score, inputs(p, countByObject, objectOf), signs, examples));
        }
        out.sort(Comparator.comparingDouble(Suggestion::score).reversed());
        return out;
    }

    /** Start inputs from the most affected object: a Pod for a pod input, its node for a node input. */
    private static Map<String, String> inputs(Playbook p, Map<String, Integer> counts, Map<String, JsonNode> objects) {
        Map<String, String> set = new LinkedHashMap<>();
        String top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (top == null) return set;
        JsonNode e = objects.get(top);
        JsonNode obj = e.path("involvedObject");
        for (Input in : p.inputs()) {
            if (in.kind() == Input.Kind.POD && obj.path("kind").asText().equals("Pod")) {
                set.put(in.id(), obj.path("namespace").asText() + "/" + obj.path("name").asText());
            } else if (in.kind() == Input.Kind.NODE) {
                String host = obj.path("kind").asText().equals("Node") ? obj.path("name").asText() : e.path("source").path("host").asText();
                if (!host.isBlank()) set.put(in.id(), host);
            }
        }
        return set;
    }
}
