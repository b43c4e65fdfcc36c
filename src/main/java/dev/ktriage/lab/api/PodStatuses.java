package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** The status a kubelet reports for a pod the lab runs, or the API server keeps for one no kubelet took. */
final class PodStatuses {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PodStatuses() {
    }

    /** Running and Ready, every container running, as soon as it was created: a lab pulls no image. */
    static ObjectNode running(JsonNode pod, Instant now) {
        ObjectNode status = NODES.objectNode();
        status.put("phase", "Running");
        ArrayNode conditions = status.putArray("conditions");
        for (String type : new String[] {"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"}) {
            conditions.addObject().put("type", type).put("status", "True").put("lastTransitionTime", now.toString());
        }
        status.put("startTime", now.toString());
        ArrayNode containers = status.putArray("containerStatuses");
        for (JsonNode c : pod.path("spec").path("containers")) {
            ObjectNode cs = containers.addObject();
            cs.put("name", c.path("name").asText());
            cs.putObject("state").putObject("running").put("startedAt", now.toString());
            cs.put("ready", true).put("restartCount", 0).put("started", true);
            cs.put("image", c.path("image").asText()).put("imageID", "");
            cs.put("containerID", "containerd://" + HexFormat.of().formatHex(randomBytes()));
        }
        status.put("qosClass", "BestEffort");
        return status;
    }

    /** Bound by nodeName to a node that does not exist: no scheduler or kubelet ever looks at it. */
    static ObjectNode pending() {
        return NODES.objectNode().put("phase", "Pending").put("qosClass", "BestEffort");
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
