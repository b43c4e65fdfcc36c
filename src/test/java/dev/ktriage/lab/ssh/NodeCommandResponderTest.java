package dev.ktriage.lab.ssh;

import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.lab.scenario.CommandSpec;
import dev.ktriage.lab.scenario.NodeSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeCommandResponderTest {

    private static final NodeSpec NODE = new NodeSpec("node0",
            Map.of("net.ipv4.conf.all.rp_filter", "0",
                    "net.ipv4.conf.lxc3c160d6c7aa0.rp_filter", "2",
                    "net.core.somaxconn", "4096"),
            Map.of("/etc/sysctl.d/10-network-security.conf", "net.ipv4.conf.all.rp_filter=2\n",
                    "/etc/sysctl.d/99-k8s.conf", "net.core.somaxconn=4096\n",
                    "/etc/sysctl.d/sub/x.conf", "x=1\n"),
            List.of(run("ip route get 10.0.0.113", "10.0.0.113 dev cilium_host\n", "", 0, 0),
                    run("journalctl -k --grep 'martian source'", "quoted\n", "", 0, 0),
                    match("^journalctl -k.*", "martian source\n"),
                    run("sysctl -n net.ipv4.conf.eth9.rp_filter", "1\n", "", 0, 0),
                    run("cat /proc/cmdline", "BOOT_IMAGE=/vmlinuz\n", "", 0, 0),
                    run("ip -o link | grep lxc", "7: lxc3c160d6c7aa0\n", "", 0, 0),
                    run("slow", "late\n", "", 0, 3000),
                    run("failing", "", "boom\n", 3, 0)),
            false);

    private final NodeCommandResponder responder = new NodeCommandResponder(NODE);

    static CommandSpec run(String line, String stdout, String stderr, int exit, long delayMs) {
        return new CommandSpec(line, null, stdout, stderr, exit, delayMs);
    }

    static CommandSpec match(String regex, String stdout) {
        return new CommandSpec(null, Pattern.compile(regex), stdout, "", 0, 0);
    }

    private NodeReply ask(String line) {
        return responder.answer(line);
    }

    private static void assertReply(NodeReply reply, int exit, String stdout, String stderr) {
        assertEquals(exit, reply.exit(), "exit");
        assertEquals(stdout, reply.stdout(), "stdout");
        assertEquals(stderr, reply.stderr(), "stderr");
    }

    @Test
    void sysctlForms() {
        assertReply(ask("sysctl net.ipv4.conf.all.rp_filter"), 0, "net.ipv4.conf.all.rp_filter = 0\n", "");
        assertReply(ask("sysctl -n net.ipv4.conf.all.rp_filter net.core.somaxconn"), 0, "0\n4096\n", "");
        assertReply(ask("sysctl -n net/ipv4/conf/all/rp_filter"), 0, "0\n", "");
        assertReply(ask("sysctl -a"), 0, "net.core.somaxconn = 4096\nnet.ipv4.conf.all.rp_filter = 0\n"
                + "net.ipv4.conf.lxc3c160d6c7aa0.rp_filter = 2\n", "");
        assertReply(ask("sysctl -a --pattern 'rp_filter$'"), 0,
                "net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.lxc3c160d6c7aa0.rp_filter = 2\n", "");
        assertReply(ask("sysctl -a -r lxc"), 0, "net.ipv4.conf.lxc3c160d6c7aa0.rp_filter = 2\n", "");
    }

    @Test
    void missingSysctlTriesCommandsThenAnswersLikeSysctl() {
        assertReply(ask("sysctl -n net.ipv4.conf.eth9.rp_filter"), 0, "1\n", "");
        assertReply(ask("sysctl -n net.ipv4.conf.eth7.rp_filter"), 255, "",
                "sysctl: cannot stat /proc/sys/net/ipv4/conf/eth7/rp_filter: No such file or directory\n");
        assertFalse(ask("sysctl -n net.ipv4.conf.eth7.rp_filter").unanswered());
    }

    @Test
    void aSysctlWriteIsNotASimpleForm() {
        NodeReply reply = ask("sysctl -w net.ipv4.conf.all.rp_filter=2");
        assertReply(reply, 127, "", "ktriage: command not in scenario\n");
        assertTrue(reply.unanswered());
    }

    @Test
    void fileForms() {
        assertReply(ask("cat /etc/sysctl.d/99-k8s.conf"), 0, "net.core.somaxconn=4096\n", "");
        assertReply(ask("cat /etc/nope.conf"), 1, "", "cat: /etc/nope.conf: No such file or directory\n");
        assertReply(ask("cat /proc/cmdline"), 0, "BOOT_IMAGE=/vmlinuz\n", "");
        assertReply(ask("test -e /etc/sysctl.d/99-k8s.conf"), 0, "", "");
        assertReply(ask("test -f /etc/sysctl.d"), 1, "", "");
        assertReply(ask("test -e /etc/sysctl.d"), 0, "", "");
        assertReply(ask("test -e /etc/nope.conf"), 1, "", "");
        assertReply(ask("ls /etc/sysctl.d"), 0, "10-network-security.conf\n99-k8s.conf\nsub\n", "");
        assertReply(ask("ls /etc/sysctl.d/99-k8s.conf"), 0, "/etc/sysctl.d/99-k8s.conf\n", "");
        assertReply(ask("ls /run/sysctl.d"), 2, "", "ls: cannot access '/run/sysctl.d': No such file or directory\n");
    }

    @Test
    void transportWrappersAreStripped() {
        assertReply(ask("timeout 5 sudo -n env LC_ALL=C ip route get 10.0.0.113"), 0, "10.0.0.113 dev cilium_host\n", "");
        assertReply(ask("LC_ALL=C ip route get 10.0.0.113"), 0, "10.0.0.113 dev cilium_host\n", "");
        assertReply(ask("sudo timeout 5 sysctl -n net.core.somaxconn"), 0, "4096\n", "");
        assertReply(ask("env LANG=C LC_ALL=C journalctl -k --since today"), 0, "martian source\n", "");
        assertReply(ask("timeout -k 2 --foreground 5s sudo -n ip route get 10.0.0.113"), 0, "10.0.0.113 dev cilium_host\n", "");
        assertEquals(5, ReceivedCommand.parse("timeout -s KILL 5 hostname").timeoutSeconds().getAsInt());
    }

    @Test
    void wireCommandOfNodeCommandMatchesThePlaybookLine() {
        var command = new NodeCommand("node0", List.of("journalctl", "-k", "--grep", "martian source"), true, 5);
        assertReply(ask(command.wireCommand()), 0, "quoted\n", "");
        assertReply(ask("journalctl -k --grep \"martian source\""), 0, "quoted\n", "");
    }

    @Test
    void quotingRulesOfTheShell() {
        assertEquals(List.of("a b", "c'd", "e\"f", "g$h", "i\\j", "kl"),
                ShellWords.split("'a b' 'c'\\''d' \"e\\\"f\" \"g\\$h\" \"i\\j\" k\\\nl"));
        assertReply(ask("echo 'unterminated"), 2, "", "sh: 1: Syntax error: unterminated quoted string\n");
    }

    @Test
    void aPipelineTypedByAPersonMatchesItsPlainLine() {
        assertReply(ask("ip -o link | grep lxc"), 0, "7: lxc3c160d6c7aa0\n", "");
    }

    @Test
    void hostileArgumentStaysOneLiteralWordAndMatchesNothing() {
        var command = new NodeCommand("node0", List.of("ip", "route", "get", "$(reboot);x"), true, 5);
        ReceivedCommand received = ReceivedCommand.parse(command.wireCommand());
        assertEquals(List.of("ip", "route", "get", "$(reboot);x"), received.argv());
        assertEquals(command.commandLine(), received.commandLine());
        NodeReply reply = ask(command.wireCommand());
        assertReply(reply, 127, "", NodeReply.NOT_IN_SCENARIO);
        assertTrue(reply.unanswered());
    }

    @Test
    void scriptedAnswersKeepExitAndStderr() {
        assertReply(ask("failing"), 3, "", "boom\n");
    }

    @Test
    void delayBeyondTheRemoteTimeoutEndsWith124() {
        assertEquals(3000, ask("slow").delayMs());
        NodeReply timedOut = ask("timeout 1 slow");
        assertReply(timedOut, 124, "", "");
        assertEquals(1000, timedOut.delayMs());
        assertReply(ask("timeout 5 slow"), 0, "late\n", "");
    }

    @Test
    void unknownCommandIsExit127AndUnanswered() {
        NodeReply reply = ask("timeout 5 env LC_ALL=C crictl ps");
        assertReply(reply, 127, "", NodeReply.NOT_IN_SCENARIO);
        assertTrue(reply.unanswered());
        assertEquals("crictl ps", ReceivedCommand.parse("timeout 5 env LC_ALL=C crictl ps").commandLine());
    }

    @Test
    void everyQuotedArgumentRoundTripsAsOneWord() {
        for (String hostile : List.of("`id`", "a'b", "x\ny", "; rm -rf /", "$HOME", "\"q\"", "\\", "", " lead", "tab\there")) {
            var command = new NodeCommand("node0", List.of("ip", "link", "show", hostile), true, 5);
            ReceivedCommand received = ReceivedCommand.parse(command.wireCommand());
            assertEquals(List.of("ip", "link", "show", hostile), received.argv(), hostile);
            assertEquals(command.commandLine(), received.commandLine(), hostile);
        }
    }

    @Test
    void moreSimpleForms() {
        assertReply(ask("sysctl -n net.core.somaxconn net.ipv4.conf.eth7.rp_filter"), 255, "4096\n",
                "sysctl: cannot stat /proc/sys/net/ipv4/conf/eth7/rp_filter: No such file or directory\n");
        assertReply(ask("sysctl -e -n net.ipv4.conf.eth7.rp_filter"), 0, "", "");
        assertReply(ask("sysctl -a -n --pattern somaxconn"), 0, "4096\n", "");
        assertReply(ask("cat /etc/sysctl.d/99-k8s.conf /etc/sysctl.d/sub/x.conf"), 0, "net.core.somaxconn=4096\nx=1\n", "");
        assertReply(ask("cat /etc/sysctl.d"), 1, "", "cat: /etc/sysctl.d: Is a directory\n");
        assertReply(ask("ls -1 /etc/sysctl.d/"), 0, "10-network-security.conf\n99-k8s.conf\nsub\n", "");
        assertReply(ask("test -d /etc/sysctl.d/sub"), 0, "", "");
        assertReply(ask("ls -l /etc/sysctl.d"), 127, "", NodeReply.NOT_IN_SCENARIO);
    }

    @Test
    void aNodeWithoutSysctlsDoesNotPretendToListThem() {
        var bare = new NodeCommandResponder(new NodeSpec("bare", Map.of(), Map.of(), List.of(), false));
        assertTrue(bare.answer("sysctl -a").unanswered());
    }
}
