package dev.ktriage.redact;

import java.nio.file.Path;
import java.util.List;

/**
 * A node whose answers are full of secrets (made up): a kubeconfig with a client key and a token,
 * and a cloud-init log with private keys (whole and cut short), password hashes, a bootstrap
 * token, client-key-data and a bearer token. Tests look for every marker in every output.
 */
public final class LeakyNode {

    public static final Path PLUGIN = Path.of("src/test/resources/secret-leaks-plugin");
    public static final Path SCENARIO = PLUGIN.resolve("playbooks/leaky-node/scenarios/cloud-init-secrets");
    public static final String PLAYBOOK = "leaky-node";

    /** A piece of each secret that must appear nowhere. */
    public static final List<String> MARKERS = List.of(
            "S1VCRUNPTkZJR0tFWURBVEFtYXJrZXI", "kubeconfig-token-9f8e7d6c5b4a", // kubeconfig client-key-data, token
            "MIIEowIBAAKCAQEA7secretkeybody", "Qm9keU9mVGhlS2V5U2VjcmV0",       // PEM private key, whole
            "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUTRUNCATED",                          // PEM private key, cut short
            "Zm9vYmFyYmF6SGFzaFZhbHVl", "X3DX6M94c7oShadowYescrypt",             // $6$ and $y$ shadow hashes
            "fedcba9876543210secret",                                            // token: field
            "UFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBmarker",               // client-key-data field
            "sha256tokenvalue0123456789abcdefSECRET");                           // bearer token

    private LeakyNode() {
    }

    /** The markers {@code text} holds; empty when it holds none. */
    public static List<String> leaked(String text) {
        return MARKERS.stream().filter(text::contains).toList();
    }
}
