package dev.ktriage.gateway.node;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ~/.ssh/config as OpenSSH reads it: patterns, first value wins, and how ktriage combines it. */
class SshConfigTest {

    private static final Path HOME = Path.of("/home/op");

    private static final String CONFIG = """
            # global defaults come before any Host
            IdentityFile ~/.ssh/global_key

            Host bastion
                HostName bastion.example.com
                User jump
                Port 2200

            Host worker-? !worker-9
                User=core
                ProxyJump bastion
                IdentityFile ~/.ssh/workers

            Host 10.0.*
                User ops
                Port 2222
                UserKnownHostsFile ~/.ssh/known_hosts.cluster
                StrictHostKeyChecking accept-new

            Match host worker-1
                User matched-too-late

            Host *
                User fallback
                Port 22
            """;

    private final SshConfig config = SshConfig.parse(CONFIG);

    @Test
    void patternsStarQuestionMarkAndNegation() {
        assertTrue(SshConfig.matches(List.of("worker-?"), "worker-1"));
        assertFalse(SshConfig.matches(List.of("worker-?"), "worker-10"));
        assertFalse(SshConfig.matches(List.of("worker-?", "!worker-9"), "worker-9"), "a negated match vetoes the block");
        assertFalse(SshConfig.matches(List.of("!worker-9"), "other"), "negation alone matches nothing");
        assertTrue(SshConfig.matches(List.of("10.0.*"), "10.0.3.7"));
        assertTrue(SshConfig.matches(List.of("WORKER-*"), "worker-1"), "case-insensitive like ssh");
        assertTrue(SshConfig.matches(List.of("a,worker-*"), "worker-1"), "comma-separated pattern lists");
    }

    @Test
    void firstValueWinsAndIdentityFilesAddUp() {
        SshConfig.HostOptions w1 = config.lookup("worker-1");
        assertEquals("core", w1.user(), "the earlier block wins over Host *");
        assertEquals(22, w1.port());
        assertEquals("bastion", w1.proxyJump());
        assertEquals(List.of("~/.ssh/global_key", "~/.ssh/workers"), w1.identityFiles());
        assertNull(w1.hostName());

        SshConfig.HostOptions w9 = config.lookup("worker-9");
        assertEquals("fallback", w9.user(), "worker-9 is excluded by !worker-9");
        assertNull(w9.proxyJump());
        assertEquals("core", config.lookup("worker-1").user(), "the Match block after it cannot change a value already found");
    }

    @Test
    void wordsQuotesAndEquals() {
        assertEquals(List.of("IdentityFile", "/path/with space/key"), SshConfig.words("  IdentityFile \"/path/with space/key\""));
        assertEquals(List.of("User", "core"), SshConfig.words("User=core"));
        assertEquals(List.of("Port", "2222"), SshConfig.words("Port = 2222"));
        assertEquals(List.of("HostName", "10.0.0.5"), SshConfig.words("HostName =10.0.0.5"));
        assertEquals(List.of("LocalCommand", "a=b"), SshConfig.words("LocalCommand = a=b"));
        assertEquals(List.of(), SshConfig.words("# comment"));
    }

    @Test
    void tokensExpand() {
        assertEquals("/home/op/.ssh/id_n1_22_core", SshConfig.expand("~/.ssh/id_%h_%p_%r", HOME, "n1", 22, "core"));
        assertEquals("%d=/home/op", SshConfig.expand("%%d=%d", HOME, "h", 22, "u"));
    }

    private ConfiguredNodeResolver resolver(Map<String, String> status, NodeOverrides overrides, String flagUser) {
        return new ConfiguredNodeResolver(new ConfiguredNodeResolver.Sources(n -> Optional.ofNullable(status.get(n)), config,
                overrides, flagUser, "me", HOME, new NodeAddress.HostKeyPolicy(HOME.resolve(".ssh/known_hosts"), false)));
    }

    @Test
    void aNodeByNameGoesThroughItsJumpHostWhichIsLookedUpToo() {
        NodeAddress a = resolver(Map.of("worker-1", "192.168.1.5"), NodeOverrides.none(), null).resolve("worker-1").orElseThrow();
        assertEquals("192.168.1.5", a.host(), "the Node's InternalIP: no HostName for it");
        assertEquals("core", a.user());
        assertEquals(List.of(HOME.resolve(".ssh/global_key"), HOME.resolve(".ssh/workers")), a.identityFiles());
        assertEquals(new NodeAddress("bastion.example.com", 2200, "jump", List.of(HOME.resolve(".ssh/global_key")), null, null), a.jump());
    }

    @Test
    void aHostPatternCanMatchTheNodesAddress() {
        NodeAddress a = resolver(Map.of("ip-10-0-3-7", "10.0.3.7"), NodeOverrides.none(), null).resolve("ip-10-0-3-7").orElseThrow();
        assertEquals("10.0.3.7", a.host());
        assertEquals("ops", a.user(), "the 10.0.* block comes before Host *: first value wins in file order");
        assertEquals(2222, a.port());
        assertEquals(new NodeAddress.HostKeyPolicy(HOME.resolve(".ssh/known_hosts.cluster"), false), a.hostKeys(),
                "the config's StrictHostKeyChecking cannot turn on trust on first use: only --ssh-accept-new can");
        assertNull(a.jump());
    }

    @Test
    void theUserFlagBeatsTheConfigAndOverridesBeatEverything() {
        assertEquals("admin", resolver(Map.of("worker-1", "192.168.1.5"), NodeOverrides.none(), "admin")
                .resolve("worker-1").orElseThrow().user());
        NodeOverrides o = new NodeOverrides(List.of(new NodeOverrides.Entry("worker-*", "172.16.0.9", 2022, "root", "none", false)));
        ConfiguredNodeResolver r = resolver(Map.of(), o, "admin");
        NodeAddress a = r.resolve("worker-1").orElseThrow();
        assertEquals(new NodeAddress("172.16.0.9", 2022, "root", a.identityFiles(), null, null), a, "ProxyJump none drops the config's jump");
        assertEquals(Optional.of(false), r.sudo("worker-1"));
        assertEquals(Optional.empty(), r.sudo("other"));
    }

    @Test
    void aNodeWithNoAddressAnywhereIsUnknown() {
        assertTrue(resolver(Map.of(), NodeOverrides.none(), null).resolve("ghost").isEmpty());
    }

    @Test
    void proxyJumpChainsAreReachedInOrder() {
        SshConfig c = SshConfig.parse("Host n1\n  ProxyJump first,second:2201\nHost second\n  User s2\n");
        ConfiguredNodeResolver r = new ConfiguredNodeResolver(new ConfiguredNodeResolver.Sources(n -> Optional.of("10.1.1.1"), c,
                NodeOverrides.none(), null, "me", HOME, new NodeAddress.HostKeyPolicy(HOME.resolve("kh"), false)));
        NodeAddress a = r.resolve("n1").orElseThrow();
        assertEquals("second", a.jump().host());
        assertEquals(2201, a.jump().port());
        assertEquals("s2", a.jump().user());
        assertEquals("first", a.jump().jump().host());
        assertNull(a.jump().jump().jump());
    }

    @Test
    void aProxyJumpLoopIsAnErrorNotAHang() {
        SshConfig c = SshConfig.parse("Host a\n  ProxyJump b\nHost b\n  ProxyJump a\n");
        ConfiguredNodeResolver r = new ConfiguredNodeResolver(new ConfiguredNodeResolver.Sources(n -> Optional.of("10.1.1.1"), c,
                NodeOverrides.none(), null, "me", HOME, new NodeAddress.HostKeyPolicy(HOME.resolve("kh"), false)));
        assertThrows(IllegalArgumentException.class, () -> r.resolve("a"));
    }

    @Test
    void overridesFileIsStrict(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "ssh:\n  nodes:\n    node-a: {host: 10.0.0.5, port: 2222, user: admin, jump: bastion, sudo: false}\n");
        NodeOverrides o = NodeOverrides.load(file);
        assertEquals(Optional.of(new NodeOverrides.Entry("node-a", "10.0.0.5", 2222, "admin", "bastion", false)), o.forNode("node-a"));
        Files.writeString(file, "ssh:\n  nodes:\n    node-a: {hots: 10.0.0.5}\n");
        Exception e = assertThrows(RuntimeException.class, () -> NodeOverrides.load(file));
        assertTrue(e.getMessage().contains("hots") && e.getMessage().contains("config.yaml"), e.getMessage());
        assertEquals(NodeOverrides.none(), NodeOverrides.load(dir.resolve("missing.yaml")));
    }
}
