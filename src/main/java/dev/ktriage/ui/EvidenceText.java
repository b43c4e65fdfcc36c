package dev.ktriage.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.NodeAnswer;

/** An answer from the cluster or a node as the operator reads it: pretty JSON, output, or why it failed. */
public final class EvidenceText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceText() {
    }

    public static String of(ClusterAnswer a) {
        if (a.status().isFailure()) return "! " + a.reason();
        if (a.body() == null) return a.text() == null ? "" : a.text();
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(a.body());
        } catch (JsonProcessingException e) {
            return a.body().toString();
        }
    }

    public static String of(NodeAnswer a) {
        if (a.status().isFailure()) return "! " + a.reason();
        StringBuilder b = new StringBuilder(a.stdout() == null ? "" : a.stdout());
        if (a.stderr() != null && !a.stderr().isBlank()) a.stderr().lines().forEach(l -> b.append("\nstderr: ").append(l));
        if (a.exitCode() != 0) b.append("\n(exit ").append(a.exitCode()).append(')');
        return b.toString();
    }
}
