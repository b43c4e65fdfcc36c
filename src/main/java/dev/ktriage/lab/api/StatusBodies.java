package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** metav1.Status documents as the real API server writes them for failures. */
final class StatusBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StatusBodies() {
    }

    static ObjectNode notFound(String group, String plural, String name) {
        ObjectNode s = failure(404, "NotFound", (group.isEmpty() ? plural : plural + "." + group) + " \"" + name + "\" not found");
        ObjectNode details = s.putObject("details");
        details.put("name", name);
        if (!group.isEmpty()) details.put("group", group);
        details.put("kind", plural);
        return s;
    }

    /** 409, as for a create whose name is in use. */
    static ObjectNode alreadyExists(String plural, String name) {
        ObjectNode s = failure(409, "AlreadyExists", plural + " \"" + name + "\" already exists");
        s.putObject("details").put("name", name).put("kind", plural);
        return s;
    }

    /** 403 as apimachinery's errors.NewForbidden writes it: {@code pods "NAME" is forbidden: WHY}. */
    static ObjectNode forbidden(String plural, String name, String why) {
        ObjectNode s = failure(403, "Forbidden", (name.isEmpty() ? plural : plural + " \"" + name + "\"") + " is forbidden: " + why);
        s.putObject("details").put("name", name).put("kind", plural);
        return s;
    }

    /** 422, as for an object that fails validation. */
    static ObjectNode invalid(String kind, String name, String cause) {
        return failure(422, "Invalid", kind + " \"" + name + "\" is invalid: " + cause);
    }

    static ObjectNode pathNotFound() {
        return failure(404, "NotFound", "the server could not find the requested resource");
    }

    static ObjectNode badRequest(String message) {
        return failure(400, "BadRequest", message);
    }

    static ObjectNode methodNotAllowed(String message) {
        return failure(405, "MethodNotAllowed", message);
    }

    static ObjectNode failure(int code, String reason, String message) {
        ObjectNode s = NODES.objectNode();
        s.put("kind", "Status");
        s.put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Failure");
        s.put("message", message);
        s.put("reason", reason);
        s.put("code", code);
        return s;
    }
}
