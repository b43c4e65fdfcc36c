package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.lab.scenario.LogKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GET /api/v1/namespaces/NS/pods/POD/log, answered from the scenario's log files with the real
 * server's rules and messages: a multi-container pod needs ?container=, a previous log that does
 * not exist is a 400, and an unknown pod a 404.
 */
final class LogEndpoint {

    private final Map<LogKey, String> logs;

    LogEndpoint(Map<LogKey, String> logs) {
        this.logs = logs;
    }

    LabResponse answer(ObjectNode pod, Map<String, String> query) {
        String namespace = pod.path("metadata").path("namespace").asText();
        String name = pod.path("metadata").path("name").asText();
        List<String> containers = containers(pod, namespace, name);
        List<String> initContainers = new ArrayList<>();
        for (JsonNode c : pod.path("spec").path("initContainers")) initContainers.add(c.path("name").asText());
        String container = query.get("container");
        if (container == null || container.isEmpty()) {
            if (containers.size() != 1) {
                return LabResponse.status(StatusBodies.badRequest("a container name must be specified for pod " + name
                        + ", choose one of: [" + String.join(" ", containers) + "]"
                        + (initContainers.isEmpty() ? "" : " or one of the init containers: [" + String.join(" ", initContainers) + "]")));
            }
            container = containers.get(0);
        } else if (!containers.contains(container) && !initContainers.contains(container)) {
            return LabResponse.status(StatusBodies.badRequest("container " + container + " is not valid for pod " + name));
        }
        boolean previous = Boolean.parseBoolean(query.getOrDefault("previous", "false"));
        String text = logs.get(new LogKey(namespace, name, container, previous));
        if (text == null && previous) {
            return LabResponse.status(StatusBodies.badRequest(
                    "previous terminated container \"" + container + "\" in pod \"" + name + "\" not found"));
        }
        return LabResponse.text(200, tail(text == null ? "" : text, query.get("tailLines")));
    }

    /** The pod's containers as its spec lists them; a scenario pod without a spec falls back to its log files. */
    private List<String> containers(ObjectNode pod, String namespace, String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : pod.path("spec").path("containers")) out.add(c.path("name").asText());
        if (out.isEmpty()) {
            logs.keySet().stream()
                    .filter(k -> k.namespace().equals(namespace) && k.pod().equals(name))
                    .map(LogKey::container).distinct().sorted().forEach(out::add);
        }
        return out;
    }

    static String tail(String text, String tailLines) {
        if (tailLines == null) return text;
        int n;
        try {
            n = Integer.parseInt(tailLines);
        } catch (NumberFormatException e) {
            return text;
        }
        if (n < 0) return text;
        // Count lines from the end; a trailing newline ends the last line rather than starting a new one.
        int end = text.endsWith("\n") ? text.length() - 1 : text.length();
        int cut = end;
        for (int seen = 0; seen < n; seen++) {
            cut = text.lastIndexOf('\n', cut - 1);
            if (cut < 0) return text;
        }
        return n == 0 ? "" : text.substring(cut + 1);
    }
}
