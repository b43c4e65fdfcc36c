package dev.ktriage.gateway.node;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** IdentityAgent and IdentitiesOnly from ~/.ssh/config, per host, as ssh_config(5) reads them. */
class IdentityAgentConfigTest {

    private static final Path HOME = Path.of("/home/op");

    private static NodeAddress resolve(String config, String node) {
        ConfiguredNodeResolver r = new ConfiguredNodeResolver(new ConfiguredNodeResolver.Sources(n -> Optional.of("10.1.1.1"),
                SshConfig.parse(config), NodeOverrides.none(), null, "core", HOME, new NodeAddress.HostKeyPolicy(HOME.resolve("kh"), false)));
        return r.resolve(node).orElseThrow();
    }

    @Test
    void aConfigThatSaysNothingLeavesTheGatewaysAgent() {
        assertNull(resolve("Host *\n  User core\n", "n1").agent());
    }

    @Test
    void identityAgentNoneTurnsTheAgentOffForThatHostOnly() {
        String config = "Host secure-*\n  IdentityAgent none\n";
        assertEquals(new NodeAddress.AgentUse(false, null, false), resolve(config, "secure-1").agent());
        assertNull(resolve(config, "other").agent());
    }

    @Test
    void identityAgentPathsExpandTildeAndTokens() {
        assertEquals(new NodeAddress.AgentUse(true, Path.of("/home/op/.ssh/agent-10.1.1.1.sock"), false),
                resolve("IdentityAgent ~/.ssh/agent-%h.sock\n", "n1").agent());
    }

    @Test
    void identityAgentSshAuthSockMeansTheGatewaysAgent() {
        assertEquals(new NodeAddress.AgentUse(true, null, false), resolve("IdentityAgent SSH_AUTH_SOCK\n", "n1").agent());
    }

    @Test
    void identityAgentFromAnUnsetVariableIsNoAgent() {
        assertEquals(new NodeAddress.AgentUse(false, null, false),
                resolve("IdentityAgent $KTRIAGE_TEST_VARIABLE_THAT_IS_NEVER_SET\n", "n1").agent());
    }

    @Test
    void identitiesOnlyYesKeepsTheAgentButOnlyForTheIdentityFiles() {
        assertEquals(new NodeAddress.AgentUse(true, null, true), resolve("Host n1\n  IdentitiesOnly yes\n", "n1").agent());
        assertNull(resolve("Host n1\n  IdentitiesOnly no\n", "n1").agent());
    }

    @Test
    void aJumpHostHasItsOwnAgentSettings() {
        NodeAddress a = resolve("Host n1\n  ProxyJump bastion\nHost bastion\n  IdentityAgent none\n", "n1");
        assertNull(a.agent());
        assertEquals(new NodeAddress.AgentUse(false, null, false), a.jump().agent());
    }
}
