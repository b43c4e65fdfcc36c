package dev.ktriage.gateway.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recorded answers by request key. The same request asked twice gets the answers in the order
 * they were recorded; the last one repeats. Requests never recorded are remembered as misses.
 */
final class RecordedAnswers {

    private final Map<String, Deque<JsonNode>> byKey = new HashMap<>();
    private final Map<String, JsonNode> last = new HashMap<>();
    private final List<String> misses = new ArrayList<>();

    RecordedAnswers(List<Map.Entry<String, JsonNode>> exchanges) {
        for (Map.Entry<String, JsonNode> e : exchanges) byKey.computeIfAbsent(e.getKey(), k -> new ArrayDeque<>()).add(e.getValue());
    }

    synchronized JsonNode take(String key) {
        Deque<JsonNode> q = byKey.get(key);
        if (q != null && !q.isEmpty()) {
            JsonNode a = q.poll();
            last.put(key, a);
            return a;
        }
        JsonNode again = last.get(key);
        if (again == null) misses.add(key);
        return again;
    }

    synchronized List<String> misses() {
        return List.copyOf(misses);
    }
}
