package dev.ktriage.gateway.node;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Include as OpenSSH reads it: where relative paths start, globs in lexical order, blocks, missing files, loops, permissions. */
class SshConfigIncludeTest {

    @TempDir
    Path tmp;

    private Path home;
    private Path ssh;

    @BeforeEach
    void layout() throws IOException {
        home = tmp.resolve("home");
        ssh = Files.createDirectories(home.resolve(".ssh"));
    }

    private Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private SshConfig load(String config) throws IOException {
        return SshConfig.load(write(ssh.resolve("config"), config), home);
    }

    @Test
    void relativePathsAreUnderDotSshAndGlobsExpandInLexicalOrder() throws IOException {
        write(ssh.resolve("config.d/20-b"), "Host b\n  User bee\n");
        write(ssh.resolve("config.d/10-a"), "Host a b\n  User ay\n  Port 2201\n");
        write(ssh.resolve("config.d/.hidden"), "Host *\n  User hidden\n");
        SshConfig c = load("Include config.d/*\nHost *\n  User fallback\n  ProxyJump bastion\n");
        SshConfig.HostOptions b = c.lookup("b");
        assertEquals("ay", b.user(), "10-a is read before 20-b");
        assertEquals(2201, b.port());
        assertEquals("bastion", b.proxyJump(), "the lines after the Include still apply");
        assertEquals("fallback", c.lookup("z").user(), "a dot file is not matched by *, as with glob(3)");
    }

    @Test
    void tildeAndCharacterClasses() throws IOException {
        write(home.resolve("extra/a.conf"), "Host *\n  IdentityFile ~/.ssh/a\n");
        write(home.resolve("extra/b.conf"), "Host *\n  IdentityFile ~/.ssh/b\n");
        write(home.resolve("extra/c.conf"), "Host *\n  IdentityFile ~/.ssh/c\n");
        Path abs = write(tmp.resolve("abs/x.conf"), "Host *\n  IdentityFile ~/.ssh/x\n");
        SshConfig c = load("Include ~/extra/[ab].conf " + abs.getParent() + "/?.conf\n");
        assertEquals(List.of("~/.ssh/a", "~/.ssh/b", "~/.ssh/x"), c.lookup("h").identityFiles());
        assertEquals(List.of("~/.ssh/c"), load("Include ~/extra/[!ab].conf\n").lookup("h").identityFiles());
    }

    @Test
    void anIncludeInsideABlockAppliesOnlyWithinIt() throws IOException {
        write(ssh.resolve("db.conf"), "User dba\nHost *\n  Port 2202\nHost nomatch\n  Port 1\n");
        SshConfig c = load("Host db-*\n  Include db.conf\n  IdentityFile ~/.ssh/db\nHost *\n  User fallback\n");
        SshConfig.HostOptions db = c.lookup("db-1");
        assertEquals("dba", db.user());
        assertEquals(2202, db.port(), "inside the included file, its own Host lines count");
        assertEquals(List.of("~/.ssh/db"), db.identityFiles(), "after the Include the enclosing Host block goes on");
        SshConfig.HostOptions web = c.lookup("web-1");
        assertEquals("fallback", web.user());
        assertNull(web.port(), "the included file's Host * does not apply when its Include line does not");
    }

    @Test
    void missingFilesAndPatternsThatMatchNothingAreSkipped() throws IOException {
        SshConfig c = load("Include nothere.conf missing/* /no/such/dir/*.conf\nUser still\n");
        assertEquals("still", c.lookup("h").user());
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void anIncludeLoopIsAnErrorNamingFileAndLine() throws IOException {
        write(ssh.resolve("loop.conf"), "# includes itself\nInclude loop.conf\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("User u\nInclude loop.conf\n"));
        assertTrue(e.getMessage().startsWith("ssh config " + ssh.resolve("loop.conf") + ":2: Include nested more than 16 deep"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void sixteenLevelsAreFine() throws IOException {
        for (int i = 1; i < 16; i++) write(ssh.resolve("l" + i), "Include l" + (i + 1) + "\n");
        write(ssh.resolve("l16"), "User deep\n");
        assertEquals("deep", load("Include l1\n").lookup("h").user());
    }

    @Test
    void anIncludedFileOthersCanWriteIsRefused() throws IOException {
        Path shared = write(ssh.resolve("shared.conf"), "User x\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("\nInclude shared.conf\n"));
        assertTrue(e.getMessage().startsWith("ssh config " + ssh.resolve("config") + ":2: bad owner or permissions on included file "
                + shared), e.getMessage());
    }

    @Test
    void theSystemConfigIncludesFromEtcSshAndMayNotUseTilde() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SshConfig.parse("/etc/ssh/ssh_config", "Include ~/x\n", home, SshConfigParser.Kind.SYSTEM));
        assertEquals("ssh config /etc/ssh/ssh_config:1: bad include path ~/x (~ is for user configs)", e.getMessage());
        // a relative name is looked for under /etc/ssh: a name that is not there is skipped
        SshConfig c = SshConfig.parse("/etc/ssh/ssh_config", "Include ktriage-test-not-there-*.conf\nUser sys\n", home,
                SshConfigParser.Kind.SYSTEM);
        assertEquals("sys", c.lookup("h").user());
    }

    @Test
    void theUserConfigComesBeforeTheSystemOne() throws IOException {
        SshConfig user = load("Host a\n  User from-user\n");
        SshConfig system = SshConfig.parse("/etc/ssh/ssh_config", "Host *\n  User from-system\n  Port 2022\n", home, SshConfigParser.Kind.SYSTEM);
        SshConfig.HostOptions o = user.then(system).lookup("a");
        assertEquals("from-user", o.user());
        assertEquals(2022, o.port());
    }

    @Test
    void globClasses() {
        assertTrue(SshConfigParser.componentRegex("[a-c]*.conf").matcher("b1.conf").matches());
        assertFalse(SshConfigParser.componentRegex("[a-c]*.conf").matcher("d.conf").matches());
        assertTrue(SshConfigParser.componentRegex("[!a]x").matcher("bx").matches());
        assertFalse(SshConfigParser.componentRegex("[!a]x").matcher("ax").matches());
        assertTrue(SshConfigParser.componentRegex("[]]").matcher("]").matches());
        assertTrue(SshConfigParser.componentRegex("a[b").matcher("a[b").matches(), "an unclosed [ is literal");
        assertTrue(SshConfigParser.componentRegex("a.(x)+").matcher("a.(x)+").matches(), "regex characters are literal");
    }
}
