package dev.ktriage.engine.triage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.Symptom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scans the cluster for the symptoms playbooks declare and ranks the playbooks. One narrowed query
 * per distinct event reason (Warning events of that reason, all namespaces, limited) and one GET
 * per APIService: cheap enough for a struggling API server.
 */
public final class Triage {

    static final int EVENT_LIMIT = 500;

    private final ClusterGateway cluster;

    public Triage(ClusterGateway cluster) {
        this.cluster = cluster;
    }

    public List<Suggestion> scan(List<Playbook> playbooks) {
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> apiServices = new LinkedHashSet<>();
        Set<String> rawPaths = new LinkedHashSet<>();
        for (Playbook p : playbooks) {
            for (Symptom s : p.symptoms()) {
                if (s.isEvent()) reasons.add(s.reason());
                else if (s.apiService() != null) apiServices.add(s.apiService());
                else rawPaths.add(s.raw());
            }
        }
        Map<String, List<JsonNode>> events = new LinkedHashMap<>();
        for (String reason : reasons) {
            ClusterAnswer a = cluster.query(new ClusterRequest.ListObjects("events", null, null,
                    "type=Warning,reason=" + reason, EVENT_LIMIT));
            List<JsonNode> items = new ArrayList<>();
            if (!a.status().isFailure() && a.body() != null) a.body().path("items").forEach(items::add);
            events.put(reason, items);
        }
        Map<String, Boolean> signShown = new LinkedHashMap<>();
        for (String name : apiServices) {
            ClusterAnswer a = cluster.query(new ClusterRequest.Get("apiservices", null, name));
            signShown.put(name, !a.status().isFailure() && a.body() != null && !available(a.body()));
        }
        for (String path : rawPaths) {
            ClusterAnswer a = cluster.query(new ClusterRequest.Raw(path));
            signShown.put(path, !a.status().isFailure() && failsOrEmpty(a));
        }
        return TriageScorer.rank(playbooks, events, signShown);
    }

    /**
     * A failing answer, or a list with no items: nothing to show where something is expected. A 404
     * means the API is not installed at all, which is not a symptom.
     */
    private static boolean failsOrEmpty(ClusterAnswer a) {
        if (a.httpCode() == 404) return false;
        if (a.httpCode() < 200 || a.httpCode() >= 300) return true;
        return a.body() != null && a.body().has("items") && a.body().get("items").isEmpty();
    }

    private static boolean available(JsonNode apiService) {
        for (JsonNode c : apiService.path("status").path("conditions")) {
            if ("Available".equals(c.path("type").asText())) return "True".equals(c.path("status").asText());
        }
        return false;
    }
}
