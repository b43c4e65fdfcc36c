package dev.ktriage.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets before anything is kept or shown: cloud keys and session tokens, bearer tokens
 * and JWTs, private keys (whole or cut off), password hashes, kubeconfig client keys, password-like
 * fields, and Secret data. Applied to every node answer as it arrives (so the screen, the reports
 * and the extractors never see them), and again to every string of every transcript line, and to
 * JSON bodies by key as well.
 */
public final class Redactor {

    public static final String MARK = "<redacted>";

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)(password|passwd|secret|secretaccesskey|accesskeyid|token|sessiontoken|client-key-data|client-key|private[-_]?key|apikey|api[-_]key|access[-_]?token|refresh[-_]?token|id[-_]?token)");

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> TEXT_RULES = List.of(
            // a private key, whole or cut off (head -n 5 of a key file has no END line)
            new Rule(Pattern.compile("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\\s\\S]*?(?:-----END \\1PRIVATE KEY-----|\\z)"), "-----BEGIN $1PRIVATE KEY----- " + MARK + " -----END $1PRIVATE KEY-----"),
            // crypt(3) password hashes as /etc/shadow holds them: $1$ md5, $5$/$6$ sha, $2b$ bcrypt, $y$ yescrypt, ...
            new Rule(Pattern.compile("\\$(?:1|2[abxy]?|5|6|7|y|gy|sha1|md5|argon2(?:id|i|d)?)\\$[./A-Za-z0-9$=,+]{8,}"), MARK),
            new Rule(Pattern.compile("\\b(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\\b"), "$1" + MARK),
            new Rule(Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*"), MARK),
            new Rule(Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}"), "$1" + MARK),
            // "Key" : "value" pairs in JSON-looking text (IMDS credentials, config dumps); values may hold
            // escaped quotes. The access key id is redacted too: with the secret gone it is harmless, but
            // seed 004's IMDS answer shows it next to them and it names the node's IAM identity.
            new Rule(Pattern.compile("(?i)(\"(?:AccessKeyId|SecretAccessKey|Token|SessionToken|password|secret|client-key-data|token|access_token|refresh_token|id_token)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")"), "$1" + MARK + "$2"),
            // YAML "key: value" on its own line: the whole rest of the line, spaces included.
            new Rule(Pattern.compile("(?im)^(\\s*-?\\s*(?:client-key-data|token|password|passwd|secret|aws_secret_access_key|aws_session_token|aws_access_key_id)\\s*:[ \\t]*)(?!" + Pattern.quote(MARK) + ")(?![|>][ \\t]*$)\\S[^\\r\\n]*"), "$1" + MARK),
            // key: value / key=value in env files and command lines.
            new Rule(Pattern.compile("(?i)\\b((?:client-key-data|token|password|passwd|secret|aws_secret_access_key|aws_session_token|aws_access_key_id)[ \\t]*[:=][ \\t]*)(?!" + Pattern.quote(MARK) + ")[^\\s\"',}]+"), "$1" + MARK),
            new Rule(Pattern.compile("(?i)(authorization:\\s*basic\\s+)[A-Za-z0-9+/=]{8,}"), "$1" + MARK));

    public String text(String s) {
        if (s == null || s.isEmpty()) return s;
        String out = s;
        for (Rule r : TEXT_RULES) {
            Matcher m = r.pattern().matcher(out);
            if (m.find()) out = m.replaceAll(r.replacement());
        }
        return out;
    }

    /** Redacts a JSON tree in place and returns it. */
    public JsonNode json(JsonNode node) {
        if (node instanceof ObjectNode o) {
            boolean isSecret = o.path("kind").asText().equals("Secret");
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (isSecret && (e.getKey().equals("data") || e.getKey().equals("stringData")) && v instanceof ObjectNode data) {
                    List<String> keys = new java.util.ArrayList<>();
                    data.fieldNames().forEachRemaining(keys::add);
                    for (String k : keys) data.put(k, MARK);
                } else if (v.isTextual() && SECRET_KEY.matcher(e.getKey()).matches()) {
                    e.setValue(TextNode.valueOf(MARK));
                } else if (v.isTextual()) {
                    e.setValue(TextNode.valueOf(text(v.asText())));
                } else {
                    json(v);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isTextual()) a.set(i, TextNode.valueOf(text(v.asText())));
                else json(v);
            }
        }
        return node;
    }
}
