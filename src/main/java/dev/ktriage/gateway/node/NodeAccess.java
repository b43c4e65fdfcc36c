package dev.ktriage.gateway.node;

import java.util.Locale;

/**
 * How a session reaches a node: over SSH, through the API server alone (the kubelet's node log
 * query), or through a privileged debug pod that ktriage creates on the node and deletes after.
 */
public enum NodeAccess {
    SSH,
    API,
    DEBUG_POD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException with the one line an operator reads */
    public static NodeAccess of(String s) {
        return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
            case "ssh" -> SSH;
            case "api" -> API;
            case "debug-pod" -> DEBUG_POD;
            default -> throw new IllegalArgumentException("node access must be ssh, api or debug-pod, not '" + s + "'");
        };
    }
}
