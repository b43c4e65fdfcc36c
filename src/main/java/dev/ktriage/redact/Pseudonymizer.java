package dev.ktriage.redact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ktriage.json.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Rewrites a transcript's names, namespaces, node names, hostnames, image registries, CNI device
 * names and IP addresses into pseudonyms that keep what a diagnosis rests on: the same value gets
 * the same pseudonym everywhere in the file (request keys, node command keys, answers, steps,
 * diagnoses, inputs), and addresses keep their subnet relations.
 *
 * <p>Names are found where the transcript's structure says they are (request keys, object
 * metadata, owner references, node names, event sources, container names and images, the session's
 * and handoffs' inputs), then replaced wherever they occur as a whole word. A value the playbooks
 * spell themselves (their vocabulary) is kept, as are {@link #KEPT_NAMES}: a playbook that asks for
 * {@code kube-system/cilium-config} must still find it.
 *
 * <p>IP addresses are rewritten prefix-preserving (as Crypto-PAn does, bit by bit, keyed): two
 * addresses that share their first n bits share them after, for every n, so subnets and the
 * CIDRs of routes keep containing what they contained. The last octet of an IPv4 address (the last
 * 16 bits of an IPv6 one) is kept, as are the private range an address is in (10/8, 172.16/12,
 * 192.168/16, 100.64/10, fc00::/7) and addresses that name no site (loopback, link-local,
 * multicast, 0.0.0.0/8, 240/4 netmasks).
 *
 * <p>Everything is derived from the key: the same file and key give the same result.
 */
public final class Pseudonymizer {

    /** Namespaces and names every cluster has, that playbooks may ask for by name. */
    public static final Set<String> KEPT_NAMES = Set.of("default", "kube-system", "kube-public", "kube-node-lease", "localhost");

    /** Top-level fields of transcript lines that hold ktriage's own words (ids, findings, outcomes), never a cluster's. */
    private static final Set<String> OWN_FIELDS = Set.of("type", "time", "format", "ktriage", "playbook", "step", "id", "finding",
            "status", "ruledOut", "outcome", "conclusion", "diagnoses", "from", "to", "question", "confidence");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WORD = "A-Za-z0-9_-";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._:-]*[A-Za-z0-9])?");
    /** Kubernetes' random-suffix alphabet (no vowels, no 0, 1, 3). */
    private static final String SUFFIX = "bcdfghjklmnpqrstvwxz2456789";
    private static final Pattern DEPLOYMENT_POD = Pattern.compile("(.+)-([" + SUFFIX + "]{6,10})-([" + SUFFIX + "]{5})");
    private static final Pattern SUFFIXED = Pattern.compile("(.+)-([" + SUFFIX + "]{5,10})");
    /** An event's name: its object's name, a dot and a hex timestamp. */
    private static final Pattern EVENT = Pattern.compile("(.+)[.]([0-9a-f]{8,})");
    private static final Pattern ORDINAL = Pattern.compile("(.+)-(\\d+)");
    /** Per-pod and per-endpoint devices: a CNI prefix and a hex id (lxc3c160d6c7aa0, cali1a2b3c4d5e6). */
    private static final Pattern DEVICE = Pattern.compile("(?<![" + WORD + "])(lxc|cali|veth|tap|eni|gke|azv|vnet)([0-9a-f]{6,})(?![" + WORD + "])");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![0-9A-Za-z.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?(?![0-9]|\\.\\d)");
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![0-9A-Za-z:.])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?:/(\\d{1,3}))?(?![0-9A-Za-z:]|\\.\\d)");

    private final byte[] key;
    private final Set<String> vocabulary;
    private final Redactor redactor = new Redactor();
    private final Map<String, String> names = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final Map<String, String> mapping = new TreeMap<>();
    private final Map<String, String> suffixes = new HashMap<>();
    private final Map<Integer, Integer> v4Back = new HashMap<>();
    private final Map<String, Integer> bits = new HashMap<>();
    private Pattern namePattern;

    /**
     * @param key        what every pseudonym is derived from (at least 16 bytes)
     * @param vocabulary words the playbooks spell: kept as they are
     */
    public Pseudonymizer(byte[] key, Set<String> vocabulary) {
        this.key = key.clone();
        this.vocabulary = Set.copyOf(vocabulary);
    }

    /** Thrown for a line that is not JSON. */
    public static final class BadLineException extends RuntimeException {
        public BadLineException(int line) {
            super("line " + line + ": not a transcript line (malformed JSON)");
        }
    }

    /** The transcript's lines redacted and pseudonymized, blank lines dropped. */
    public List<String> lines(List<String> lines) {
        List<JsonNode> parsed = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank()) continue;
            try {
                parsed.add(redactor.json(JsonTrees.parse(line)));
            } catch (IOException e) {
                throw new BadLineException(n);
            }
        }
        parsed.forEach(this::collect);
        List<String> byLength = new ArrayList<>(names.keySet());
        byLength.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder alt = new StringBuilder();
        for (String s : byLength) alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(s));
        namePattern = byLength.isEmpty() ? null : Pattern.compile("(?<![" + WORD + "])(?:" + alt + ")(?![" + WORD + "])");
        List<String> out = new ArrayList<>();
        for (JsonNode o : parsed) {
            if (o instanceof ObjectNode obj) {
                Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    // a step's ruledOut is finding ids; a diagnosis's is the alternatives, in words that name things
                    if (OWN_FIELDS.contains(e.getKey()) && !(e.getKey().equals("ruledOut") && o.path("type").asText().equals("diagnosis"))) continue;
                    if (e.getValue().isTextual()) e.setValue(TextNode.valueOf(rewrite(e.getValue().asText())));
                    else rewriteTree(e.getValue());
                }
            }
            try {
                out.add(MAPPER.writeValueAsString(o));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        checkOneToOne();
        return out;
    }

    /** Every original value rewritten, and its pseudonym, sorted by the original. */
    public Map<String, String> mapping() {
        return new LinkedHashMap<>(mapping);
    }

    // ---- finding the names ----

    private void collect(JsonNode o) {
        switch (o.path("type").asText()) {
            case "session" -> {
                inputs(o.path("inputs"));
                name(o.path("namespace").asText(null), "ns");
            }
            case "handoff" -> inputs(o.path("inputs"));
            case "cluster" -> {
                requestKey(o.path("request").path("key").asText(""));
                body(o.path("answer").path("body"), null);
            }
            case "node" -> name(o.path("command").path("node").asText(null), "node");
            default -> { }
        }
    }

    private void inputs(JsonNode in) {
        in.fields().forEachRemaining(e -> {
            String v = e.getValue().asText();
            switch (e.getKey()) {
                case "pod" -> scoped(v, "pod");
                case "node" -> name(v, "node");
                case "namespace" -> name(v, "ns");
                default -> { }
            }
        });
    }

    private void scoped(String v, String role) {
        int slash = v.indexOf('/');
        if (slash >= 0) {
            name(v.substring(0, slash), "ns");
            name(v.substring(slash + 1), role);
        } else {
            name(v, role);
        }
    }

    /** The names in a request key, as {@code ClusterRequest.key()} spells them. */
    private void requestKey(String k) {
        String[] w = k.split(" ");
        if (w.length < 2) return;
        switch (w[0]) {
            case "get" -> {
                if (w.length >= 3) scoped(w[2], roleOf(w[1]));
            }
            case "list" -> {
                if (w.length >= 3 && !w[2].equals("*")) name(w[2], "ns");
                for (String part : w) {
                    if (!part.startsWith("fields=")) continue;
                    for (String sel : part.substring("fields=".length()).split(",")) {
                        String[] kv = sel.split("!?=+", 2);
                        if (kv.length < 2) continue;
                        if (kv[0].equals("spec.nodeName")) name(kv[1], "node");
                        else if (kv[0].endsWith(".namespace")) name(kv[1], "ns");
                        else if (kv[0].endsWith(".name")) name(kv[1], "name");
                    }
                }
            }
            case "logs" -> {
                scoped(w[1], "pod");
                for (String part : w) if (part.startsWith("container=")) name(part.substring("container=".length()), "ctr");
            }
            case "raw" -> {
                String[] seg = w[1].replaceFirst("[?#].*", "").split("/");
                for (int i = 0; i + 1 < seg.length; i++) {
                    switch (seg[i]) {
                        case "namespaces" -> name(seg[i + 1], "ns");
                        case "nodes" -> name(seg[i + 1], "node");
                        case "pods" -> name(seg[i + 1], "pod");
                        default -> { }
                    }
                }
            }
            case "review" -> {
                String last = w[w.length - 1];
                if (!last.startsWith("path=") && !last.startsWith("verb=")) scoped(last, "name");
            }
            default -> { }
        }
    }

    private static String roleOf(String resource) {
        return switch (resource) {
            case "pods" -> "pod";
            case "nodes" -> "node";
            case "namespaces" -> "ns";
            default -> "name";
        };
    }

    private static String roleOfKind(String kind) {
        return switch (kind) {
            case "Pod" -> "pod";
            case "Node" -> "node";
            case "Namespace" -> "ns";
            default -> "name";
        };
    }

    /** Names in an API object or list, by field: metadata, owners, involved objects, node names, containers, images. */
    private void body(JsonNode n, String parentField) {
        if (n instanceof ArrayNode a) {
            a.forEach(v -> body(v, parentField));
            return;
        }
        if (!(n instanceof ObjectNode o)) return;
        String kind = o.path("kind").asText("");
        JsonNode meta = o.path("metadata");
        if (meta.isObject()) {
            name(meta.path("name").asText(null), roleOfKind(kind));
            name(meta.path("namespace").asText(null), "ns");
            meta.path("ownerReferences").forEach(r -> name(r.path("name").asText(null), roleOfKind(r.path("kind").asText(""))));
        }
        for (String ref : List.of("involvedObject", "regarding")) {
            JsonNode r = o.path(ref);
            if (r.isObject()) {
                name(r.path("name").asText(null), roleOfKind(r.path("kind").asText("")));
                name(r.path("namespace").asText(null), "ns");
            }
        }
        if (o.path("nodeName").isTextual()) name(o.path("nodeName").asText(), "node");
        if (o.path("hostname").isTextual()) name(o.path("hostname").asText(), "host");
        if (o.path("serviceAccountName").isTextual()) name(o.path("serviceAccountName").asText(), "name");
        if ("source".equals(parentField) && o.path("host").isTextual()) name(o.path("host").asText(), "node");
        if ("addresses".equals(parentField) && o.path("type").asText("").matches("Hostname|InternalDNS|ExternalDNS")) {
            name(o.path("address").asText(null), "host");
        }
        if (parentField != null && parentField.matches("(init|ephemeral)?[cC]ontainers|(init|ephemeral)?[cC]ontainerStatuses")) {
            name(o.path("name").asText(null), "ctr");
        }
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if ((e.getKey().equals("image") || e.getKey().equals("imageID")) && e.getValue().isTextual()) image(e.getValue().asText());
            else if (e.getValue().isContainerNode()) body(e.getValue(), e.getKey());
        }
    }

    /** An image's registry: its first path part when that is a host (has a dot or a port, or is localhost). */
    private void image(String ref) {
        String s = ref.replaceFirst("^[a-z-]+://", "");
        int slash = s.indexOf('/');
        if (slash <= 0) return;
        String host = s.substring(0, slash);
        if (host.contains(".") || host.contains(":") || host.equals("localhost")) name(host, "registry");
    }

    /** Gives {@code value} a pseudonym, unless it is vocabulary, an address, or not a name at all. */
    private void name(String value, String role) {
        if (value == null || value.length() < 2 || names.containsKey(value) || !keepable(value)) return;
        String p = switch (role) {
            case "pod", "name", "ctr" -> structured(value, role);
            case "registry" -> fresh("registry", value) + ".example";
            default -> fresh(role, value);
        };
        assign(value, p);
    }

    private boolean keepable(String v) {
        return NAME.matcher(v).matches() && v.chars().anyMatch(Character::isLetter) && !KEPT_NAMES.contains(v)
                && !vocabulary.contains(v) && !v.startsWith("system:") && !IPV4.matcher(v).matches() && !IPV6.matcher(v).matches();
    }

    private void assign(String value, String pseudonym) {
        names.put(value, pseudonym);
        taken.add(pseudonym);
        mapping.put(value, pseudonym);
    }

    /**
     * A generated name keeps its shape: {@code coredns-749558f7dd-w6jdj} becomes BASE-HASH-ID with
     * BASE the pseudonym of {@code coredns} (so its Deployment, ReplicaSet and containers agree), the
     * suffixes random-looking of the same length; a StatefulSet's ordinal is kept.
     */
    private String structured(String value, String role) {
        Matcher m = EVENT.matcher(value);
        if (m.matches()) {
            name(m.group(1), "pod");
            return names.getOrDefault(m.group(1), m.group(1)) + "." + hex(hmac("event:" + value), (m.group(2).length() + 1) / 2)
                    .substring(0, m.group(2).length());
        }
        m = DEPLOYMENT_POD.matcher(value);
        if (m.matches()) return base(m.group(1)) + "-" + suffix(m.group(2)) + "-" + suffix(m.group(3));
        m = SUFFIXED.matcher(value);
        if (m.matches() && m.group(2).chars().anyMatch(Character::isDigit)) return base(m.group(1)) + "-" + suffix(m.group(2));
        m = ORDINAL.matcher(value);
        if (m.matches()) return base(m.group(1)) + "-" + m.group(2);
        return fresh(role.equals("ctr") ? "ctr" : role.equals("pod") ? "pod" : "name", value);
    }

    private String base(String b) {
        if (names.containsKey(b)) return names.get(b);
        if (!keepable(b) || b.length() < 2) return b;
        String p = fresh("app", b);
        assign(b, p);
        return p;
    }

    private String suffix(String s) {
        if (names.containsKey(s)) return names.get(s);
        if (suffixes.containsKey(s)) return suffixes.get(s);
        for (int round = 0; ; round++) {
            byte[] h = hmac("suffix:" + round + ":" + s);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length(); i++) b.append(SUFFIX.charAt((h[i] & 0xff) % SUFFIX.length()));
            String p = b.toString();
            if (!taken.contains(p) && !p.equals(s) && !suffixes.containsValue(p)) {
                suffixes.put(s, p);
                if (keepable(s)) assign(s, p);
                return p;
            }
        }
    }

    private String fresh(String prefix, String value) {
        byte[] h = hmac("name:" + value);
        for (int len = 3; ; len++) {
            String p = prefix + "-" + hex(h, len);
            if (!taken.contains(p) && !names.containsKey(p)) return p;
        }
    }

    // ---- rewriting ----

    private void rewriteTree(JsonNode n) {
        if (n instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual()) e.setValue(TextNode.valueOf(rewrite(e.getValue().asText())));
                else rewriteTree(e.getValue());
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) a.set(i, TextNode.valueOf(rewrite(a.get(i).asText())));
                else rewriteTree(a.get(i));
            }
        }
    }

    /** One string with every device, name and address replaced by its pseudonym. */
    String rewrite(String s) {
        String out = replace(DEVICE.matcher(s), m -> m.group(1) + device(m.group(1), m.group(2)));
        if (namePattern != null) out = replace(namePattern.matcher(out), m -> names.get(m.group()));
        out = replace(IPV4.matcher(out), this::ipv4);
        out = replace(IPV6.matcher(out), this::ipv6);
        return out;
    }

    private static String replace(Matcher m, java.util.function.Function<Matcher, String> f) {
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(f.apply(m)));
        m.appendTail(b);
        return b.toString();
    }

    private String device(String prefix, String id) {
        String original = prefix + id;
        String known = names.get(original);
        if (known != null) return known.substring(prefix.length());
        if (vocabulary.contains(original)) return id;
        for (int round = 0; ; round++) {
            String p = prefix + hex(hmac("device:" + round + ":" + original), id.length());
            p = p.substring(0, original.length());
            if (!taken.contains(p)) {
                assign(original, p);
                return p.substring(prefix.length());
            }
        }
    }

    private String ipv4(Matcher m) {
        int a = 0;
        for (int i = 1; i <= 4; i++) {
            int o = Integer.parseInt(m.group(i));
            if (o > 255) return m.group();
            a = (a << 8) | o;
        }
        Integer len = m.group(5) == null ? null : Integer.parseInt(m.group(5));
        if (len != null && len > 32) return m.group();
        int mapped = mapV4(a);
        Integer before = v4Back.putIfAbsent(mapped, a);
        if (before != null && before != a) {
            throw new IllegalStateException("pseudonyms collide (" + v4(before) + " and " + v4(a) + "); try another --key");
        }
        // a network (host bits zero) stays the network of the mapped prefix, so that it contains what it contained
        if (len != null && len < 32 && (a & ~mask4(len)) == 0) mapped &= mask4(len);
        String out = v4(mapped) + (len == null ? "" : "/" + len);
        if (!out.equals(m.group())) mapping.put(m.group(), out);
        return out;
    }

    private static int mask4(int len) {
        return len == 0 ? 0 : -1 << (32 - len);
    }

    private static String v4(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }

    private int mapV4(int a) {
        int first = a >>> 24;
        int second = (a >>> 16) & 0xff;
        if (first == 0 || first == 127 || first >= 224 || (first == 169 && second == 254)) return a;
        int keep = first == 10 ? 8 : first == 172 && (second & 0xf0) == 16 ? 12 : first == 192 && second == 168 ? 16
                : first == 100 && (second & 0xc0) == 64 ? 10 : 0;
        int out = a;
        for (int i = keep; i < 24; i++) {
            int prefix = i == 0 ? 0 : a >>> (32 - i);
            if (bit("4:" + i + ":" + prefix)) out ^= 1 << (31 - i);
        }
        return out;
    }

    private String ipv6(Matcher m) {
        byte[] a = parseV6(m.group(1));
        if (a == null) return m.group();
        Integer len = m.group(2) == null ? null : Integer.parseInt(m.group(2));
        if (len != null && len > 128) return m.group();
        byte[] mapped = mapV6(a);
        if (len != null && len < 128 && hostBitsZero(a, len)) {
            for (int i = len; i < 128; i++) mapped[i / 8] &= (byte) ~(0x80 >>> (i % 8));
        }
        String out = formatV6(mapped) + (len == null ? "" : "/" + len);
        if (!out.equals(m.group())) mapping.put(m.group(), out);
        return out;
    }

    private static boolean hostBitsZero(byte[] a, int len) {
        for (int i = len; i < 128; i++) if ((a[i / 8] & (0x80 >>> (i % 8))) != 0) return false;
        return true;
    }

    private byte[] mapV6(byte[] a) {
        int b0 = a[0] & 0xff;
        boolean allZeroButLast = true;
        for (int i = 0; i < 15; i++) if (a[i] != 0) allZeroButLast = false;
        if (allZeroButLast || b0 == 0xff || (b0 == 0xfe && (a[1] & 0xc0) == 0x80)) return a.clone();
        int keep = (b0 & 0xfe) == 0xfc ? 8 : (b0 & 0xe0) == 0x20 ? 3 : 0;
        byte[] out = a.clone();
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 112; i++) {
            if (i >= keep && bit("6:" + i + ":" + prefix)) out[i / 8] ^= (byte) (0x80 >>> (i % 8));
            prefix.append((a[i / 8] & (0x80 >>> (i % 8))) != 0 ? '1' : '0');
        }
        return out;
    }

    /** The 16 bytes of an IPv6 literal, or null when it is not one (a time, a MAC address). */
    static byte[] parseV6(String s) {
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) return null;
        List<String> head = new ArrayList<>();
        List<String> tail = new ArrayList<>();
        if (dc >= 0) {
            if (!groups(s.substring(0, dc), head) || !groups(s.substring(dc + 2), tail)) return null;
            if (head.size() + tail.size() > 7) return null;
        } else {
            if (!groups(s, head) || head.size() != 8) return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.size(); i++) put(out, i, head.get(i));
        for (int i = 0; i < tail.size(); i++) put(out, 8 - tail.size() + i, tail.get(i));
        return out;
    }

    private static boolean groups(String s, List<String> into) {
        if (s.isEmpty()) return true;
        for (String g : s.split(":", -1)) {
            if (g.isEmpty() || g.length() > 4) return false;
            into.add(g);
        }
        return true;
    }

    private static void put(byte[] out, int group, String hex) {
        int v = Integer.parseInt(hex, 16);
        out[group * 2] = (byte) (v >>> 8);
        out[group * 2 + 1] = (byte) v;
    }

    /** RFC 5952: lower case, the longest run of two or more zero groups as {@code ::}. */
    static String formatV6(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') b.append(':');
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }

    // ---- keyed randomness ----

    private boolean bit(String input) {
        return bits.computeIfAbsent(input, k -> hmac(k)[0] & 1) == 1;
    }

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] h, int bytes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < bytes; i++) b.append(String.format("%02x", h[i % h.length] & 0xff));
        return b.toString();
    }

    /** Two originals with one pseudonym would merge what was apart: refuse rather than mislead. */
    private void checkOneToOne() {
        Map<String, String> back = new HashMap<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            String other = back.putIfAbsent(e.getValue(), e.getKey());
            if (other != null && !other.equals(e.getKey())) {
                throw new IllegalStateException("pseudonyms collide (" + other + " and " + e.getKey() + "); try another --key");
            }
        }
    }
}
