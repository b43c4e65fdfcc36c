package dev.ktriage.ui.repl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns {@code kubectl get} prints: pods NAME READY STATUS RESTARTS AGE (wide: IP NODE),
 * nodes NAME STATUS ROLES AGE VERSION (wide: INTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME),
 * anything else NAME AGE; NAMESPACE first with -A. Ages as kubectl prints them (see {@link #age}).
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
            String age = age(meta.path("creationTimestamp").asText(""), now);
            if (pods) {
                JsonNode statuses = o.path("status").path("containerStatuses");
                int ready = 0;
                int restarts = 0;
                for (JsonNode c : statuses) {
                    if (c.path("ready").asBoolean(false)) ready++;
                    restarts += c.path("restartCount").asInt(0);
                }
                row.addAll(List.of(ready + "/" + o.path("spec").path("containers").size(), podStatus(o), String.valueOf(restarts), age));
                if (wide) row.addAll(List.of(o.path("status").path("podIP").asText("<none>"), o.path("spec").path("nodeName").asText("<none>")));
            } else if (nodes) {
                row.addAll(List.of(nodeStatus(o), roles(meta), age, o.path("status").path("nodeInfo").path("kubeletVersion").asText("")));
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

    /** kubectl's STATUS: a waiting or terminated container's reason, else the phase; Terminating when being deleted. */
    static String podStatus(JsonNode pod) {
        if (pod.path("metadata").has("deletionTimestamp")) return "Terminating";
        String reason = pod.path("status").path("reason").asText("");
        if (!reason.isEmpty()) return reason;
        for (JsonNode c : pod.path("status").path("containerStatuses")) {
            String waiting = c.path("state").path("waiting").path("reason").asText("");
            if (!waiting.isEmpty()) return waiting;
            String terminated = c.path("state").path("terminated").path("reason").asText("");
            if (!terminated.isEmpty()) return terminated;
        }
        return pod.path("status").path("phase").asText("Unknown");
    }

    private static String nodeStatus(JsonNode node) {
        String status = "Unknown";
        for (JsonNode c : node.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) status = c.path("status").asText().equals("True") ? "Ready" : "NotReady";
        }
        if (node.path("spec").path("unschedulable").asBoolean(false)) status += ",SchedulingDisabled";
        return status;
    }

    private static String roles(JsonNode meta) {
        List<String> roles = new ArrayList<>();
        meta.path("labels").fieldNames().forEachRemaining(l -> {
            if (l.startsWith("node-role.kubernetes.io/")) roles.add(l.substring("node-role.kubernetes.io/".length()));
        });
        return roles.isEmpty() ? "<none>" : String.join(",", roles);
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode a : node.path("status").path("addresses")) if (a.path("type").asText().equals(type)) return a.path("address").asText();
        return "<none>";
    }

    /**
     * kubectl's AGE: k8s.io/apimachinery/pkg/util/duration.HumanDuration (45s, 5m30s, 42m, 3h20m,
     * 20h, 2d5h, 45d, 3y20d, 9y); unknown when there is no timestamp.
     */
    static String age(String timestamp, Instant now) {
        if (timestamp.isEmpty()) return "<unknown>";
        long seconds;
        try {
            seconds = Duration.between(Instant.parse(timestamp), now).getSeconds();
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
        if (seconds < -1) return "<invalid>";
        if (seconds < 0) return "0s";
        if (seconds < 60 * 2) return seconds + "s";
        long minutes = seconds / 60;
        if (minutes < 10) return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
        if (minutes < 60 * 3) return minutes + "m";
        long hours = minutes / 60;
        if (hours < 8) return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
        if (hours < 48) return hours + "h";
        if (hours < 24 * 8) return hours % 24 == 0 ? hours / 24 + "d" : hours / 24 + "d" + hours % 24 + "h";
        if (hours < 24 * 365 * 2) return hours / 24 + "d";
        if (hours < 24 * 365 * 8) {
            long days = (hours / 24) % 365;
            return days == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + days + "d";
        }
        return hours / 24 / 365 + "y";
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
