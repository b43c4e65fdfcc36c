package dev.ktriage.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells {@code kubectl get} prints for pods and nodes, and its AGE: one reading of the objects
 * for the lab's server-side tables and the REPL's {@code get}, so both print what kubectl prints.
 */
public final class KubectlColumns {

    private KubectlColumns() {
    }

    /** AGE of {@code timestamp} (RFC 3339) at {@code now}: "5m30s", "3h", "351d"; "<unknown>" without one. */
    public static String age(String timestamp, Instant now) {
        if (timestamp == null || timestamp.isEmpty()) return "<unknown>";
        Instant then;
        try {
            then = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
        return humanDuration(Duration.between(then, now));
    }

    /** Port of k8s.io/apimachinery/pkg/util/duration.HumanDuration. */
    public static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < -1) return "<invalid>";
        if (seconds < 0) return "0s";
        if (seconds < 60 * 2) return seconds + "s";
        long minutes = seconds / 60;
        if (minutes < 10) return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + (seconds % 60) + "s";
        if (minutes < 60 * 3) return minutes + "m";
        long hours = minutes / 60;
        if (hours < 8) return minutes % 60 == 0 ? hours + "h" : hours + "h" + (minutes % 60) + "m";
        if (hours < 48) return hours + "h";
        if (hours < 24 * 8) return hours % 24 == 0 ? (hours / 24) + "d" : (hours / 24) + "d" + (hours % 24) + "h";
        if (hours < 24 * 365 * 2) return (hours / 24) + "d";
        if (hours < 24 * 365 * 8) {
            long dy = (hours / 24) % 365;
            return dy == 0 ? (hours / 24 / 365) + "y" : (hours / 24 / 365) + "y" + dy + "d";
        }
        return (hours / 24 / 365) + "y";
    }

    /** READY: ready containers / containers. */
    public static String podReady(JsonNode pod) {
        int ready = 0;
        for (JsonNode s : pod.at("/status/containerStatuses")) if (s.path("ready").asBoolean()) ready++;
        return ready + "/" + pod.at("/spec/containers").size();
    }

    /** RESTARTS: the containers' restart counts added up. */
    public static String podRestarts(JsonNode pod) {
        int restarts = 0;
        for (JsonNode s : pod.at("/status/containerStatuses")) restarts += s.path("restartCount").asInt();
        return Integer.toString(restarts);
    }

    /** STATUS, a simplified form of kubectl's: a waiting or terminated reason wins over the phase. */
    public static String podStatus(JsonNode pod) {
        if (pod.at("/metadata/deletionTimestamp").isTextual()) return "Terminating";
        String status = pod.at("/status/reason").asText(pod.at("/status/phase").asText("Unknown"));
        for (JsonNode s : pod.at("/status/containerStatuses")) {
            String waiting = s.at("/state/waiting/reason").asText("");
            String terminated = s.at("/state/terminated/reason").asText("");
            if (!waiting.isEmpty()) status = waiting;
            else if (!terminated.isEmpty()) status = terminated;
        }
        return status;
    }

    /** A node's STATUS: Ready or NotReady from its Ready condition, with ,SchedulingDisabled when cordoned. */
    public static String nodeStatus(JsonNode node) {
        String status = "Unknown";
        for (JsonNode c : node.at("/status/conditions")) {
            if (c.path("type").asText().equals("Ready")) status = c.path("status").asText().equals("True") ? "Ready" : "NotReady";
        }
        return node.at("/spec/unschedulable").asBoolean() ? status + ",SchedulingDisabled" : status;
    }

    /** A node's ROLES: its node-role.kubernetes.io/ labels, or {@code <none>}. */
    public static String nodeRoles(JsonNode node) {
        List<String> roles = new ArrayList<>();
        node.at("/metadata/labels").fieldNames().forEachRemaining(l -> {
            if (l.startsWith("node-role.kubernetes.io/")) roles.add(l.substring("node-role.kubernetes.io/".length()));
        });
        return roles.isEmpty() ? "<none>" : String.join(",", roles);
    }
}
