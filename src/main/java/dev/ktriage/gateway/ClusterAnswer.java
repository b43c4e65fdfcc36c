package dev.ktriage.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the API server said. {@code body} is the JSON document (an object, or a List with
 * {@code items}); {@code text} holds non-JSON bodies such as logs. A failure that keeps the
 * step from concluding (forbidden, timeout, unreachable) has {@link GatherStatus#isFailure()}.
 *
 * @param status  OK for any answer the playbook can judge (including 404 and raw paths' own codes)
 * @param httpCode HTTP status code, 0 when no answer arrived
 * @param reason  for failures: one line an operator understands ("forbidden: cannot list events in kube-system")
 */
public record ClusterAnswer(GatherStatus status, int httpCode, JsonNode body, String text, String reason, long millis) {

    public static ClusterAnswer json(int httpCode, JsonNode body, long millis) {
        return new ClusterAnswer(GatherStatus.OK, httpCode, body, null, null, millis);
    }

    public static ClusterAnswer text(int httpCode, String text, long millis) {
        return new ClusterAnswer(GatherStatus.OK, httpCode, null, text, null, millis);
    }

    public static ClusterAnswer failed(GatherStatus status, int httpCode, String reason, long millis) {
        return new ClusterAnswer(status, httpCode, null, null, reason, millis);
    }
}
