package dev.ktriage.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pseudonyms themselves: consistent, prefix-preserving, vocabulary kept, secrets still removed. */
class PseudonymizerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    private static String node(String stdout) {
        return "{\"type\":\"node\",\"step\":\"s\",\"command\":{\"node\":\"worker-a\",\"line\":\"ip route\"},"
                + "\"answer\":{\"status\":\"OK\",\"stdout\":\"" + stdout + "\"}}";
    }

    @Test
    void aServiceCidrOfTwelveBitsStillContainsItsServices() {
        Pseudonymizer p = new Pseudonymizer(KEY, Set.of());
        p.lines(List.of(node("10.96.0.0/12 dev kube-ipvs0; 10.96.0.10 and 10.111.4.7 and 10.112.0.1")));
        Map<String, String> m = p.mapping();
        String net = m.get("10.96.0.0/12");
        assertTrue(net.endsWith("/12") && net.startsWith("10."), net);
        assertTrue(in(net, m.get("10.96.0.10")) && in(net, m.get("10.111.4.7")), m.toString());
        assertFalse(in(net, m.get("10.112.0.1")), m.toString());
        assertTrue(m.get("10.96.0.10").endsWith(".10"), "the host octet is kept");
    }

    @Test
    void addressesThatNameNoSiteAreKept() {
        Pseudonymizer p = new Pseudonymizer(KEY, Set.of());
        String out = String.join("\n", p.lines(List.of(node("127.0.0.1 0.0.0.0/0 169.254.169.254 255.255.255.0 ::1 fe80::1"))));
        assertTrue(out.contains("127.0.0.1 0.0.0.0/0 169.254.169.254 255.255.255.0 ::1 fe80::1"), out);
    }

    @Test
    void ipv6KeepsItsPrefixesAndTimesAndMacsAreNoAddresses() {
        Pseudonymizer p = new Pseudonymizer(KEY, Set.of());
        String out = String.join("\n", p.lines(List.of(node("fd00:10:244:1::7 fd00:10:244:1::9 fd00:10:244:2::7 at 06:46:18 from 6e:1d:0c:55:8a:21"))));
        Map<String, String> m = p.mapping();
        String a = m.get("fd00:10:244:1::7");
        String b = m.get("fd00:10:244:1::9");
        String c = m.get("fd00:10:244:2::7");
        assertTrue(a.startsWith("fd"), a);
        assertNotEquals("fd00:10:244:1::7", a);
        assertEquals(a.substring(0, a.lastIndexOf(':')), b.substring(0, b.lastIndexOf(':')), a + " " + b);
        assertNotEquals(a.substring(0, a.lastIndexOf(':')), c.substring(0, c.lastIndexOf(':')));
        assertTrue(out.contains("at 06:46:18 from 6e:1d:0c:55:8a:21"), out);
    }

    @Test
    void vocabularyIsKeptAndNamesAreReplacedAsWholeWords() {
        String cluster = "{\"type\":\"cluster\",\"step\":\"s\",\"request\":{\"key\":\"list configmaps payments labels= fields=metadata.name=cilium-config limit=1\"},"
                + "\"answer\":{\"body\":{\"items\":[{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cilium-config\",\"namespace\":\"payments\"},"
                + "\"data\":{\"note\":\"payments-api in payments, token=abcdef123456\"}}]}}}";
        Pseudonymizer p = new Pseudonymizer(KEY, Set.of("cilium-config"));
        String out = p.lines(List.of(cluster)).get(0);
        assertTrue(out.contains("fields=metadata.name=cilium-config"), out);
        assertFalse(out.contains("\"payments\"") || out.contains(" payments"), out);
        assertTrue(out.contains("payments-api in ns-"), "a longer word is not a name: " + out);
        assertFalse(out.contains("abcdef123456"), "secrets are still removed: " + out);
    }

    private static boolean in(String cidr, String ip) {
        int len = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        long mask = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
        return (v4(cidr.substring(0, cidr.indexOf('/'))) & mask) == (v4(ip) & mask);
    }

    private static long v4(String ip) {
        long a = 0;
        for (String o : ip.split("[.]")) a = (a << 8) | Long.parseLong(o);
        return a;
    }
}
