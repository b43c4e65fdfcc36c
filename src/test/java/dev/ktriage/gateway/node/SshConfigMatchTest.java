package dev.ktriage.gateway.node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Match blocks as ssh_config(5) reads them: criteria ANDed, negation, pattern lists, what is known so far, and exec never run. */
class SshConfigMatchTest {

    private static SshConfig.HostOptions lookup(String config, String user, String... names) {
        return SshConfig.parse(config).lookup(new SshConfig.Query(List.of(names), user, "op"));
    }

    @Test
    void criteriaAreAndedAndPatternListsTakeNegation() {
        String config = """
                Match host 10.0.*,!10.0.9.* user admin
                    Port 2222
                """;
        assertEquals(2222, lookup(config, "admin", "n1", "10.0.3.4").port(), "the node's address matches host, the user matches");
        assertNull(lookup(config, "ops", "n1", "10.0.3.4").port(), "user does not match: the block does not apply");
        assertNull(lookup(config, "admin", "n9", "10.0.9.1").port(), "the negated pattern in the list vetoes");
        assertNull(lookup(config, "Admin", "n1", "10.0.3.4").port(), "users compare case-sensitively, as in ssh");
        assertEquals(2222, lookup(config, "admin", "N1", "10.0.3.4").port());
    }

    @Test
    void negatedCriteriaAndAll() {
        String config = """
                Match !host db-*
                    User web
                Match all
                    User anyone
                """;
        assertEquals("anyone", lookup(config, null, "db-1").user());
        assertEquals("web", lookup(config, null, "web-1").user());
        assertNull(lookup("Match !all\n  User nobody\n", null, "x").user());
    }

    @Test
    void matchUserSeesTheFixedUserElseAnEarlierUserLineElseTheLocalUser() {
        String config = """
                Host *.internal
                    User admin
                Match user admin
                    Port 2200
                Match localuser op
                    IdentityFile ~/.ssh/op_key
                Match user op
                    ProxyJump bastion
                """;
        SshConfig.HostOptions internal = lookup(config, null, "a.internal");
        assertEquals(2200, internal.port(), "User admin above the Match is what it tests");
        assertEquals(List.of("~/.ssh/op_key"), internal.identityFiles());
        assertNull(internal.proxyJump());
        assertNull(lookup(config, "bob", "a.internal").port(), "like ssh -l bob: Match user sees bob, not the config's User");
        assertEquals("bastion", lookup(config, null, "elsewhere").proxyJump(), "no user yet: Match user tests the local user");
    }

    @Test
    void matchHostTestsTheHostNameFoundSoFarAndOriginalHostTheNameGiven() {
        String config = """
                Host alias
                    HostName 10.0.0.5
                Match host 10.0.0.*
                    User inner
                Match originalhost alias
                    Port 2022
                Match originalhost 10.0.0.*
                    ProxyJump never
                """;
        SshConfig.HostOptions o = lookup(config, null, "alias");
        assertEquals("inner", o.user());
        assertEquals(2022, o.port());
        assertNull(o.proxyJump());
        SshConfig.HostOptions sub = lookup("Host sub\n  HostName %h.example.com\nMatch host sub.example.com\n  User ok\n  HostName x\n",
                null, "sub");
        assertEquals("ok", sub.user(), "%h in the HostName found so far is the name given");
        assertEquals("%h.example.com", sub.hostName(), "first value wins (values are returned as written)");
    }

    @Test
    void matchFinalReadsTheConfigAgainAgainstTheHostName() {
        String config = """
                Host alias
                    HostName 10.0.0.5
                Host 10.0.0.*
                    User second-pass
                Match final
                    Port 2022
                Match canonical
                    IdentityFile ~/.ssh/canonical
                """;
        SshConfig.HostOptions o = lookup(config, null, "alias");
        assertEquals("second-pass", o.user(), "in the final pass Host patterns are tested against the HostName");
        assertEquals(2022, o.port());
        assertEquals(List.of("~/.ssh/canonical"), o.identityFiles(), "canonical and final both hold in the final pass, as in ssh");
        SshConfig.HostOptions once = lookup("Host alias\n  HostName 10.0.0.5\n  IdentityFile a\nHost 10.0.0.*\n  User second-pass\n"
                + "Match canonical\n  Port 1\n", null, "alias");
        assertNull(once.user(), "no Match final and no CanonicalizeHostname: one pass only");
        assertNull(once.port());
        SshConfig.HostOptions canonicalize = lookup("CanonicalizeHostname yes\nHost alias\n  HostName 10.0.0.5\n  IdentityFile a\n"
                + "Host 10.0.0.*\n  IdentityFile a\n  User second-pass\n", null, "alias");
        assertEquals("second-pass", canonicalize.user(), "CanonicalizeHostname asks for the second pass too");
        assertEquals(List.of("a"), canonicalize.identityFiles(), "an identity file is kept once, as ssh does");
    }

    @Test
    void matchExecIsNeverRunAndItsBlockNeverApplies(@TempDir Path tmp) {
        Path witness = tmp.resolve("ran");
        SshConfig c = SshConfig.parse("Host *\n  Port 22\nMatch exec \"touch " + witness + "\"\n  User exec-user\n"
                + "Match !exec \"false\" host x\n  ProxyJump exec-jump\nMatch localnetwork 10.0.0.0/8\n  HostName ln\n");
        SshConfig.HostOptions o = c.lookup(new SshConfig.Query(List.of("x"), null, "op"));
        assertNull(o.user());
        assertNull(o.proxyJump(), "negated or not: ktriage cannot know what exec would say");
        assertNull(o.hostName(), "criteria newer than OpenSSH 9.2 are not evaluated either");
        assertFalse(Files.exists(witness), "the command was not run");
        assertEquals(1, c.warnings().size(), c.warnings().toString());
        String w = c.warnings().get(0);
        assertTrue(w.contains("Match exec is never run") && w.contains("ssh_config:3 (exec)") && w.contains("ssh_config:5 (exec)")
                && w.contains("ssh_config:7 (localnetwork)"), w);
        assertEquals(List.of(), SshConfig.parse("Match all\n  User u\n").warnings());
    }

    @Test
    void malformedMatchLinesAreErrorsNamingFileAndLine() {
        assertEquals("ssh config ssh_config:2: Match needs criteria (e.g. Match host PATTERN)",
                assertThrows(IllegalArgumentException.class, () -> SshConfig.parse("Host a\nMatch\n")).getMessage());
        assertEquals("ssh config ssh_config:1: Match host needs a pattern list",
                assertThrows(IllegalArgumentException.class, () -> SshConfig.parse("Match host\n")).getMessage());
        assertEquals("ssh config ssh_config:1: 'all' cannot be combined with other Match criteria",
                assertThrows(IllegalArgumentException.class, () -> SshConfig.parse("Match host a all\n")).getMessage());
        assertEquals("ssh config ssh_config:1: unsupported Match criterion 'hots'",
                assertThrows(IllegalArgumentException.class, () -> SshConfig.parse("Match hots a\n")).getMessage());
        assertEquals(2022, SshConfig.parse("Match final all\n  Port 2022\n").lookup("x").port());
        assertEquals(2022, SshConfig.parse("Match host a # only a\n  Port 2022\n").lookup("a").port(), "a trailing comment");
    }

    @Test
    void theResolverPassesSshUserToMatchUser() {
        SshConfig c = SshConfig.parse("Match user admin\n  Port 2222\n");
        ConfiguredNodeResolver r = new ConfiguredNodeResolver(new ConfiguredNodeResolver.Sources(n -> Optional.of("10.1.1.1"), c,
                NodeOverrides.none(), "admin", "me", Path.of("/home/op"), new NodeAddress.HostKeyPolicy(Path.of("/kh"), false)));
        assertEquals(2222, r.resolve("n1").orElseThrow().port());
        ConfiguredNodeResolver other = new ConfiguredNodeResolver(new ConfiguredNodeResolver.Sources(n -> Optional.of("10.1.1.1"), c,
                NodeOverrides.none(), "bob", "me", Path.of("/home/op"), new NodeAddress.HostKeyPolicy(Path.of("/kh"), false)));
        assertEquals(22, other.resolve("n1").orElseThrow().port());
    }
}
