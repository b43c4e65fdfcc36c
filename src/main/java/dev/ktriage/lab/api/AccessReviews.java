package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * SelfSubjectAccessReview, the one write a read-only tool makes: ktriage's preflight (and
 * `kubectl auth can-i`) asks whether a verb is allowed. The lab has no RBAC, so every review is
 * allowed; the review is answered, never stored.
 */
final class AccessReviews {

    static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessReviews() {
    }

    static LabResponse answer(String body) {
        JsonNode review;
        try {
            review = JSON.readTree(body == null ? "" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return LabResponse.status(StatusBodies.badRequest("invalid SelfSubjectAccessReview: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return LabResponse.status(StatusBodies.badRequest("invalid SelfSubjectAccessReview: " + e.getMessage()));
        }
        if (!(review instanceof ObjectNode o) || !o.path("spec").isObject()) {
            return LabResponse.status(StatusBodies.badRequest("SelfSubjectAccessReview without spec"));
        }
        o.put("kind", "SelfSubjectAccessReview").put("apiVersion", "authorization.k8s.io/v1");
        if (!o.path("metadata").isObject()) o.putObject("metadata");
        o.putObject("status").put("allowed", true).put("reason", "ktriage lab: no RBAC, everything is allowed");
        return LabResponse.json(201, o);
    }

    /** The discovery entry, so kubectl finds the resource. */
    static ObjectNode resource() {
        ObjectNode r = JSON.createObjectNode().put("name", "selfsubjectaccessreviews").put("singularName", "selfsubjectaccessreview")
                .put("namespaced", false).put("kind", "SelfSubjectAccessReview");
        r.putArray("verbs").add("create");
        return r;
    }
}
