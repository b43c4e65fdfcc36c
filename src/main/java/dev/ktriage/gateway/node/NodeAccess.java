package dev.ktriage.gateway.node;

import java.util.Locale;

/** How a session reaches a node: over SSH, or through the API server alone (the kubelet's node log query). */
public enum NodeAccess {
    SSH,
    API;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException with the one line an operator reads */
    public static NodeAccess of(String s) {
        return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
            case "ssh" -> SSH;
            case "api" -> API;
            case "debug-pod" -> throw new IllegalArgumentException("node access debug-pod is not available in this version of ktriage: use ssh or api");
            default -> throw new IllegalArgumentException("node access must be ssh or api, not '" + s + "'");
        };
    }
}
