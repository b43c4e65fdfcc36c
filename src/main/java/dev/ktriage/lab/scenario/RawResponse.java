package dev.ktriage.lab.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One raw.yaml entry. A textual {@code body} is served as text/plain, anything else as JSON.
 *
 * @param path    exact path; the query string of a request is ignored when matching
 * @param delayMs how long the answer takes (0: at once); a client whose timeout is shorter gets none
 */
public record RawResponse(String path, int status, JsonNode body, long delayMs) {

    public RawResponse(String path, int status, JsonNode body) {
        this(path, status, body, 0);
    }
}
