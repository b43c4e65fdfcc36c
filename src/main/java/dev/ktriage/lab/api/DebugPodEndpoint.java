package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.gateway.cluster.ResourceType;
import dev.ktriage.gateway.debugpod.DebugPodSpec;
import dev.ktriage.lab.scenario.NodeAnswers;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one write the lab takes: ktriage's own debug pods ({@code --node-access debug-pod}). A pod
 * labelled {@value DebugPodSpec#SELECTOR} is created as the API server creates it (name or
 * generateName, uid, creationTimestamp, resourceVersion, 409 for a name in use) and runs at once
 * when its nodeName is a node of the scenario; on a node the cluster does not have, or one whose
 * Ready condition is Unknown (its kubelet is gone), it stays Pending with no conditions, as a pod
 * bound by nodeName that no kubelet takes does (the scheduler never sees it). A Namespace of the scenario labelled for Pod Security baseline or restricted
 * refuses it as the admission plugin does ({@link PodSecurityAdmission}). Any other pod is refused
 * as every other write is, so a playbook that writes still fails here. Commands run in it through
 * {@link DebugPodExec}.
 */
final class DebugPodEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final ObjectStore store;
    private final NodeAnswers nodes;
    private final ResourceType pods;
    private final ResourceType nodeType;
    private final AtomicLong resourceVersion = new AtomicLong(1000);

    DebugPodEndpoint(ObjectStore store, NodeAnswers nodes) {
        this.store = store;
        this.nodes = nodes;
        this.pods = store.type("", "pods").orElseThrow();
        this.nodeType = store.type("", "nodes").orElseThrow();
    }

    /** POST /api/v1/namespaces/NS/pods. */
    LabResponse create(String namespace, String body) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (IOException e) {
            return LabResponse.status(StatusBodies.badRequest("the object provided is unrecognized (must be of type Pod): " + e.getMessage().lines().findFirst().orElse("")));
        }
        if (!(parsed instanceof ObjectNode pod) || !"Pod".equals(pod.path("kind").asText()) || !"v1".equals(pod.path("apiVersion").asText())) {
            return LabResponse.status(StatusBodies.badRequest("the object provided is unrecognized (must be of type Pod)"));
        }
        if (!isDebugPod(pod)) {
            return LabResponse.status(StatusBodies.methodNotAllowed("the ktriage lab is read-only: it creates only pods labelled "
                    + DebugPodSpec.SELECTOR));
        }
        ObjectNode meta = pod.get("metadata") instanceof ObjectNode m ? m : pod.putObject("metadata");
        String given = meta.path("namespace").asText(namespace);
        if (!given.equals(namespace)) {
            return LabResponse.status(StatusBodies.badRequest("the namespace of the provided object does not match the namespace sent on the request"));
        }
        String requested = meta.path("name").asText("");
        String name = requested;
        if (name.isEmpty() && meta.hasNonNull("generateName")) name = meta.get("generateName").asText() + suffix();
        if (name.isEmpty()) return LabResponse.status(StatusBodies.invalid("Pod", "", "metadata.name: Required value: name or generateName is required"));
        // admission comes before storage: a namespace's Pod Security level refuses the pod before its name is looked at
        Optional<String> refused = store.type("", "namespaces").flatMap(t -> store.get(t, null, namespace))
                .flatMap(ns -> PodSecurityAdmission.refusal(ns, pod));
        if (refused.isPresent()) return LabResponse.status(StatusBodies.forbidden("pods", requested, refused.get()));
        synchronized (store) {
            if (store.get(pods, namespace, name).isPresent()) {
                return LabResponse.status(StatusBodies.alreadyExists("pods", name));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            meta.put("name", name).put("namespace", namespace).put("uid", UUID.randomUUID().toString())
                    .put("resourceVersion", Long.toString(resourceVersion.incrementAndGet())).put("creationTimestamp", now.toString());
            String node = pod.path("spec").path("nodeName").asText("");
            pod.set("status", nodeKnown(node) && !kubeletGone(node) ? PodStatuses.running(pod, now) : PodStatuses.pending());
            store.add(pod);
        }
        return LabResponse.json(201, pod);
    }

    /** DELETE /api/v1/namespaces/NS/pods/NAME: ktriage's pods only, gone at once (they ask for grace period 0). */
    LabResponse delete(String namespace, String name) {
        synchronized (store) {
            Optional<ObjectNode> pod = store.get(pods, namespace, name);
            if (pod.isEmpty()) return LabResponse.status(StatusBodies.notFound("", "pods", name));
            if (!isDebugPod(pod.get())) {
                return LabResponse.status(StatusBodies.methodNotAllowed("the ktriage lab is read-only: it deletes only pods labelled "
                        + DebugPodSpec.SELECTOR));
            }
            store.remove(pods, namespace, name);
            return LabResponse.json(200, pod.get());
        }
    }

    Optional<ObjectNode> pod(String namespace, String name) {
        return store.get(pods, namespace, name);
    }

    /** ktriage's debug pods the lab has now, as "NAMESPACE/NAME". */
    List<String> debugPods() {
        return store.list(pods, null).stream().filter(DebugPodEndpoint::isDebugPod)
                .map(p -> p.path("metadata").path("namespace").asText() + "/" + p.path("metadata").path("name").asText())
                .toList();
    }

    /** A node the pod can run on: a Node object of the scenario, or a node the scenario answers for. */
    boolean nodeKnown(String node) {
        return !node.isEmpty() && (nodes.has(node) || store.get(nodeType, null, node).isPresent());
    }

    /**
     * A Node whose Ready condition is Unknown: its kubelet stopped posting status (the node
     * lifecycle controller's NodeStatusUnknown), so nothing starts a pod bound to it.
     */
    private boolean kubeletGone(String node) {
        return store.get(nodeType, null, node).map(n -> {
            for (JsonNode c : n.path("status").path("conditions")) {
                if (c.path("type").asText().equals("Ready")) return c.path("status").asText().equals("Unknown");
            }
            return false;
        }).orElse(false);
    }

    static boolean isDebugPod(JsonNode pod) {
        return DebugPodSpec.MANAGER.equals(pod.path("metadata").path("labels").path(DebugPodSpec.MANAGED_BY).asText(null));
    }

    private static String suffix() {
        StringBuilder s = new StringBuilder(5);
        for (int i = 0; i < 5; i++) s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return s.toString();
    }
}
