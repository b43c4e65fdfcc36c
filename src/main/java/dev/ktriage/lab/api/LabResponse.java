package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.JsonNode;

/** What the lab answers, before it becomes an HTTP response: a JSON document or text. */
record LabResponse(int status, JsonNode json, String text) {

    static LabResponse json(int status, JsonNode body) {
        return new LabResponse(status, body, null);
    }

    static LabResponse text(int status, String body) {
        return new LabResponse(status, null, body);
    }

    /** A Status failure document, with the HTTP code it carries. */
    static LabResponse status(JsonNode statusBody) {
        return new LabResponse(statusBody.path("code").asInt(500), statusBody, null);
    }
}
