package dev.ktriage.allowlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.playbook.AdHocNodeCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The allow-list on its own: what it refuses and why, what it admits, and values from the cluster. */
class AllowListTest {

    private static String refusal(String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdHocNodeCommand.argv(line),
                () -> "admitted: " + line);
        return e.getMessage();
    }

    @Test
    void everyWriteOrEscapeFormIsRefusedNamingTheProgramOrOption() {
        List<String> unnamed = new ArrayList<>();
        for (String line : WriteForms.WRITES) {
            String why = refusal(line);
            boolean names = Arrays.stream(line.split(" ")).map(w -> w.replace("'", "")).filter(w -> !w.isEmpty())
                    .anyMatch(w -> why.contains("'" + w) || why.contains(w + "'") || why.contains(" " + w + " "));
            if (!names) unnamed.add(line + " -> " + why);
        }
        assertEquals(List.of(), unnamed);
        assertTrue(WriteForms.WRITES.size() >= 60, "at least 60 forms: " + WriteForms.WRITES.size());
    }

    @Test
    void sensitiveReadsAreRefused() {
        for (String line : WriteForms.SENSITIVE) refusal(line);
        assertTrue(WriteForms.SENSITIVE.size() >= 10);
        assertTrue(refusal("cat /etc/shadow").contains("holds secrets"), refusal("cat /etc/shadow"));
        assertTrue(refusal("grep -r x /etc").contains("secrets or kubeconfigs lie below"), refusal("grep -r x /etc"));
        assertTrue(refusal("grep token /etc/kubernetes/admin.conf").contains("is a kubeconfig"));
    }

    @Test
    void readOnlyFormsAreAdmitted() {
        List<String> refused = new ArrayList<>();
        for (String line : WriteForms.READS) {
            try {
                AdHocNodeCommand.argv(line);
            } catch (IllegalArgumentException e) {
                refused.add(line + " -> " + e.getMessage());
            }
        }
        assertEquals(List.of(), refused);
    }

    @Test
    void aKubeconfigIsReadWholeAndKeptWithoutKeys() {
        assertEquals(CheckedCommand.Output.KUBECONFIG, AllowList.checkArgv(List.of("cat", "/etc/kubernetes/kubelet.conf")).output());
        assertEquals(CheckedCommand.Output.TEXT, AllowList.checkArgv(List.of("cat", "/etc/hosts")).output());
    }

    private static List<Word> filled(String value, String... literal) {
        List<Word> words = new ArrayList<>();
        for (String l : literal) words.add(Word.literal(l, 0));
        words.add(new Word(value, Word.Kind.VALUE, 0));
        return words;
    }

    @Test
    void aClusterValueIsNeverAnOptionAndMustFitItsPosition() {
        assertTrue(assertThrows(CommandRefused.class, () -> AllowList.check(filled("-w", "sysctl", "-n"))).getMessage()
                .contains("sysctl key"));
        assertThrows(CommandRefused.class, () -> AllowList.check(filled("--help", "cat")));
        assertThrows(CommandRefused.class, () -> AllowList.check(filled("/etc/shadow", "cat")));
        assertThrows(CommandRefused.class, () -> AllowList.check(filled("-batch", "ip", "route", "get")));
        assertThrows(CommandRefused.class, () -> AllowList.check(filled("--rotate", "journalctl", "-u")));
        assertThrows(CommandRefused.class, () -> AllowList.check(filled("delete", "systemctl")), "a value never picks the subcommand");
        assertThrows(CommandRefused.class, () -> AllowList.check(filled("net.ipv4.ip_forward=1", "sysctl")));
        assertThrows(CommandRefused.class, () -> AllowList.check(filled("10.0.0.1; id", "ip", "route", "get")));
        AllowList.check(filled("10.0.0.113", "ip", "route", "get"));
        AllowList.check(filled("net.ipv4.conf.lxc3c160d6c7aa0.rp_filter", "sysctl", "-n"));
        assertEquals(CheckedCommand.Output.KUBECONFIG, AllowList.check(filled("/etc/kubernetes/admin.conf", "cat")).output());
        // the same argument through the gateway's plain check: read as an option, and refused
        assertThrows(CommandRefused.class, () -> AllowList.checkArgv(List.of("sysctl", "-n", "-w")));
    }

    @Test
    void aRefusalPointsAtTheArgumentThatBrokeIt() {
        CommandRefused e = assertThrows(CommandRefused.class, () -> AllowList.checkArgv(List.of("find", "/", "-name", "x", "-delete")));
        assertEquals("find / -name x ".length(), e.offset());
        assertTrue(e.getMessage().contains("-delete") && e.getMessage().contains("deletes"), e.getMessage());
    }

    @Test
    void kubeconfigReaderKeepsIdentityAndDropsSecrets() {
        String kept = KubeconfigReader.keep("""
                apiVersion: v1
                kind: Config
                current-context: default
                clusters:
                - name: default
                  cluster:
                    server: https://10.0.0.1:6443
                    certificate-authority-data: Q0EtREFUQQ==
                users:
                - name: kubelet
                  user:
                    client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem
                    client-key-data: UFJJVkFURS1LRVktREFUQQ==
                    token: abcdef.0123456789abcdef
                - name: oidc
                  user:
                    auth-provider: {name: oidc, config: {id-token: eyJhbGciOi.xyz.abc, client-secret: s3cr3t}}
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: aws, args: [--token, t0k3n], env: [{name: AWS_SECRET, value: sekrit}]}
                contexts:
                - name: default
                  context: {cluster: default, user: kubelet}
                """);
        assertTrue(kept.contains("server: https://10.0.0.1:6443") && kept.contains("kubelet-client-current.pem"), kept);
        for (String secret : List.of("UFJJVkFURS1LRVktREFUQQ", "abcdef.0123456789abcdef", "eyJhbGciOi", "s3cr3t", "t0k3n", "sekrit")) {
            assertFalse(kept.contains(secret), secret + " kept: " + kept);
        }
        assertTrue(kept.contains("command: aws") && kept.contains("name: AWS_SECRET"), kept);
        assertThrows(IllegalArgumentException.class, () -> KubeconfigReader.keep("root:$6$abc:19000::::::\n"));
    }

    @Test
    void theDocsHoldTheTableAsTheCodeHasIt() throws Exception {
        String doc = Files.readString(Path.of("docs/node-commands.md"));
        String begin = "<!-- table: generated from dev.ktriage.allowlist.ReadOnlyCommands -->\n";
        String end = "<!-- end of table -->";
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        assertTrue(from >= 0 && to > from, "docs/node-commands.md has the table markers");
        String actual = doc.substring(from + begin.length(), to);
        if (!actual.equals(AllowList.markdown())) {
            Files.writeString(Path.of("target/node-commands.table.md"), AllowList.markdown());
            throw new AssertionError("docs/node-commands.md is not the table the code has: see target/node-commands.table.md");
        }
    }
}
