package dev.ktriage.ui.repl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.json.KubectlColumns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns {@code kubectl get} prints: pods NAME READY STATUS RESTARTS AGE (wide: IP NODE),
 * nodes NAME STATUS ROLES AGE VERSION (wide: INTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME),
 * anything else NAME AGE; NAMESPACE first with -A. The cells come from {@link KubectlColumns}, as in the lab's tables.
 */
final class KubectlTable {

    private KubectlTable() {
    }

    static String of(String resource, List<JsonNode> items, boolean allNamespaces, boolean wide, Instant now) {
        if (items.isEmpty()) return "No resources found";
        String kind = resource.toLowerCase(java.util.Locale.ROOT);
        List<String> header = new ArrayList<>();
        if (allNamespaces) header.add("NAMESPACE");
        boolean pods = List.of("pods", "pod", "po").contains(kind);
        boolean nodes = List.of("nodes", "node", "no").contains(kind);
        if (pods) header.addAll(List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"));
        else if (nodes) header.addAll(List.of("NAME", "STATUS", "ROLES", "AGE", "VERSION"));
        else header.addAll(List.of("NAME", "AGE"));
        if (wide && pods) header.addAll(List.of("IP", "NODE"));
        if (wide && nodes) header.addAll(List.of("INTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode o : items) {
            List<String> row = new ArrayList<>();
            JsonNode meta = o.path("metadata");
            if (allNamespaces) row.add(meta.path("namespace").asText("-"));
            row.add(meta.path("name").asText());
            String age = KubectlColumns.age(meta.path("creationTimestamp").asText(""), now);
            if (pods) {
                row.addAll(List.of(KubectlColumns.podReady(o), KubectlColumns.podStatus(o), KubectlColumns.podRestarts(o), age));
                if (wide) row.addAll(List.of(o.path("status").path("podIP").asText("<none>"), o.path("spec").path("nodeName").asText("<none>")));
            } else if (nodes) {
                row.addAll(List.of(KubectlColumns.nodeStatus(o), KubectlColumns.nodeRoles(o), age,
                        o.path("status").path("nodeInfo").path("kubeletVersion").asText("")));
                if (wide) {
                    JsonNode info = o.path("status").path("nodeInfo");
                    row.addAll(List.of(address(o, "InternalIP"), info.path("osImage").asText("<unknown>"),
                            info.path("kernelVersion").asText("<unknown>"), info.path("containerRuntimeVersion").asText("<unknown>")));
                }
            } else {
                row.add(age);
            }
            rows.add(row);
        }
        return format(header, rows);
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode a : node.path("status").path("addresses")) if (a.path("type").asText().equals(type)) return a.path("address").asText();
        return "<none>";
    }

    private static String format(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int i = 0; i < header.size(); i++) width[i] = header.get(i).length();
        for (List<String> r : rows) for (int i = 0; i < r.size(); i++) width[i] = Math.max(width[i], r.get(i).length());
        StringBuilder b = new StringBuilder();
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> r : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(r.get(i));
                if (i < r.size() - 1) line.append(" ".repeat(width[i] - r.get(i).length() + 3));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString().stripTrailing();
    }
}
