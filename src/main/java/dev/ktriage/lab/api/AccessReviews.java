package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Access reviews, the one kind of write a read-only tool makes; each is answered, never stored.
 * SelfSubjectAccessReview (ktriage's preflight, `kubectl auth can-i`): the lab's own credentials
 * may do everything. SubjectAccessReview (a playbook asking whether metrics-server may read
 * nodes/metrics): the scenario's RBAC decides, through {@link RbacAuthorizer}.
 */
final class AccessReviews {

    static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    static final String SUBJECT_PATH = "/apis/authorization.k8s.io/v1/subjectaccessreviews";

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

    /** A SubjectAccessReview answered from the scenario's RBAC objects. */
    static LabResponse subject(String body, RbacAuthorizer rbac) {
        JsonNode review;
        try {
            review = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return LabResponse.status(StatusBodies.badRequest("invalid SubjectAccessReview: " + e.getMessage()));
        }
        if (!(review instanceof ObjectNode o) || !o.path("spec").isObject()) {
            return LabResponse.status(StatusBodies.badRequest("SubjectAccessReview without spec"));
        }
        JsonNode spec = o.path("spec");
        if (spec.path("user").asText().isEmpty() && spec.path("groups").isEmpty()) {
            return LabResponse.status(StatusBodies.badRequest("SubjectAccessReview: at least one of user or group must be specified"));
        }
        List<String> groups = new ArrayList<>();
        spec.path("groups").forEach(g -> groups.add(g.asText()));
        JsonNode res = spec.path("resourceAttributes");
        JsonNode non = spec.path("nonResourceAttributes");
        RbacAuthorizer.Request request = non.isObject()
                ? new RbacAuthorizer.Request(spec.path("user").asText(), groups, non.path("verb").asText(), null, null, null, null, null,
                        non.path("path").asText())
                : new RbacAuthorizer.Request(spec.path("user").asText(), groups, res.path("verb").asText(), res.path("group").asText(),
                        res.path("resource").asText(), text(res, "subresource"), text(res, "namespace"), text(res, "name"), null);
        RbacAuthorizer.Verdict v = rbac.review(request);
        o.put("kind", "SubjectAccessReview").put("apiVersion", "authorization.k8s.io/v1");
        if (!o.path("metadata").isObject()) o.putObject("metadata");
        ObjectNode status = o.putObject("status").put("allowed", v.allowed());
        if (!v.reason().isEmpty()) status.put("reason", v.reason());
        return LabResponse.json(201, o);
    }

    private static String text(JsonNode n, String field) {
        String s = n.path(field).asText("");
        return s.isEmpty() ? null : s;
    }

    /** The discovery entries, so kubectl finds the resources. */
    static List<ObjectNode> resources() {
        List<ObjectNode> out = new ArrayList<>();
        for (String kind : List.of("SelfSubjectAccessReview", "SubjectAccessReview")) {
            String singular = kind.toLowerCase(java.util.Locale.ROOT);
            ObjectNode r = JSON.createObjectNode().put("name", singular + "s").put("singularName", singular)
                    .put("namespaced", false).put("kind", kind);
            r.putArray("verbs").add("create");
            out.add(r);
        }
        return out;
    }
}
