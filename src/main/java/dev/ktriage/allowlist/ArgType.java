package dev.ktriage.allowlist;

import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What one argument of a node command may be. Every operand and option value has a type, and a
 * value taken from the cluster is checked against it before the command is sent: an operand type
 * never accepts text starting with {@code -}, so a cluster value cannot turn into an option.
 */
public final class ArgType {

    private final String name;
    private final Function<String, String> problem;

    private ArgType(String name, Function<String, String> problem) {
        this.name = name;
        this.problem = problem;
    }

    /** How the type reads in docs and messages. */
    public String name() {
        return name;
    }

    /** Why {@code value} is not of this type, or null when it is. */
    String problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) return "a control character";
        }
        return problem.apply(value);
    }

    @Override
    public String toString() {
        return name;
    }

    static ArgType pattern(String name, String regex) {
        Pattern p = Pattern.compile(regex);
        return new ArgType(name, v -> p.matcher(v).matches() ? null : "not " + article(name));
    }

    /** A name-like operand: the characters of {@code regex}, never starting with '-'. */
    static ArgType operand(String name, String regex) {
        Pattern p = Pattern.compile(regex);
        return new ArgType(name, v -> v.startsWith("-") ? "starts with '-' (it would be read as an option)"
                : p.matcher(v).matches() ? null : "not " + article(name));
    }

    static ArgType fixed(String... words) {
        Set<String> set = Set.of(words);
        return new ArgType(String.join("|", words), v -> set.contains(v) ? null : "not one of " + String.join(", ", words));
    }

    private static String article(String name) {
        return "a valid " + name;
    }

    // ---- the types the allow-list uses ----

    public static final ArgType NUMBER = pattern("number", "[0-9]{1,10}");
    /** journalctl -n, tail -n: a count, or +N from the start. */
    public static final ArgType COUNT = pattern("count", "\\+?[0-9]{1,10}");
    public static final ArgType IP = new ArgType("IP address", v -> isIp(v) ? null : "not an IPv4 or IPv6 address");
    public static final ArgType PREFIX = new ArgType("IP prefix", v -> {
        if (v.equals("default")) return null;
        int slash = v.indexOf('/');
        String ip = slash < 0 ? v : v.substring(0, slash);
        if (!isIp(ip)) return "not an IP address or prefix";
        return slash < 0 || v.substring(slash + 1).matches("[0-9]{1,3}") ? null : "not a prefix length";
    });
    /** Linux interface names: up to 15 bytes, no '/' or space (dev_valid_name). */
    public static final ArgType INTERFACE = operand("interface name", "[A-Za-z0-9_.:@+-]{1,15}");
    /** procps accepts '.' or '/' between parts; a VLAN device eth0.100 is written eth0/100. */
    public static final ArgType SYSCTL_KEY = new ArgType("sysctl key", v -> v.contains("=") ? "'=' would make sysctl write the value"
            : v.matches("[a-z][a-z0-9_]*([./][A-Za-z0-9_@:+*-]+)*") ? null : "not a sysctl key");
    public static final ArgType REGEX = operand("pattern", "[A-Za-z0-9_.|*^$()\\[\\]+?/:, -]{1,200}");
    /** Free text for a search pattern or output format: printable, one line. */
    public static final ArgType TEXT = new ArgType("text", v -> v.length() > 500 ? "longer than 500 characters" : null);
    public static final ArgType NAME = operand("name", "[A-Za-z0-9_.:@+=,-]{1,253}");
    public static final ArgType NAMES = operand("comma-separated names", "[A-Za-z0-9_.:@+-]{1,64}(,[A-Za-z0-9_.:@+-]{1,64})*");
    public static final ArgType PIDS = pattern("process ids", "[0-9]{1,10}(,[0-9]{1,10})*");
    public static final ArgType UNIT = operand("unit name", "[A-Za-z0-9:_.@\\\\-]{1,256}");
    public static final ArgType PS_FORMAT = operand("ps format", "[A-Za-z0-9_,:=%+ -]{1,200}");
    public static final ArgType JOURNAL_TIME = pattern("time", "[A-Za-z0-9 :+.-]{1,40}");
    /** journalctl matches: FIELD=VALUE or '+' between groups. */
    public static final ArgType JOURNAL_MATCH = operand("journal match", "\\+|[A-Z0-9_]{1,64}=[^\\s]{0,200}");
    public static final ArgType FIND_NUMBER = pattern("find number", "[+-]?[0-9]{1,12}[bcwkMG]?");
    public static final ArgType FIND_TYPE = pattern("file type", "[bcdpflsD](,[bcdpflsD])*");
    public static final ArgType MODE = pattern("mode", "[-/]?([0-7]{3,4}|[ugoa]*[-+=][rwxXst]*(,[ugoa]*[-+=][rwxXst]*)*)");
    public static final ArgType TOKEN = operand("filter word", "[A-Za-z0-9_.:/*\\[\\]=!-]{1,100}");
    public static final ArgType COUNTER = operand("counter name", "[A-Za-z0-9*]{1,64}");
    public static final ArgType CONTAINER = operand("container or pod id", "[A-Za-z0-9._-]{1,128}");
    public static final ArgType REGION = pattern("AWS region", "[a-z]{2}(-[a-z]+)+-[0-9]");
    public static final ArgType INSTANCE_ID = pattern("EC2 instance id", "i-[0-9a-f]{8,17}");
    public static final ArgType DATE_FORMAT = pattern("date format", "\\+[A-Za-z0-9%:_., -]{1,100}");

    /** A file whose contents are read: under the read roots, never a secret (see {@link PathRules}). */
    public static final ArgType FILE = new ArgType("path (read)", v -> {
        String bad = PathRules.malformed(v);
        if (bad != null) return bad;
        if (!PathRules.underReadRoot(v)) return "outside the folders ktriage reads (" + String.join(" ", PathRules.READ_ROOTS) + ")";
        PathRules.Access access = PathRules.access(v);
        if (access == PathRules.Access.SECRET) return "it holds secrets (ktriage never reads it)";
        if (access == PathRules.Access.CONSUMED) return "reading it takes the messages away from their reader (ktriage never reads it)";
        return null;
    });
    /** A folder read recursively: a {@link #FILE} with no secret or kubeconfig anywhere below it. */
    public static final ArgType TREE = new ArgType("path (read, recursive)", v -> {
        String bad = FILE.problem(v);
        if (bad != null) return bad;
        return PathRules.treeHoldsSecrets(v) ? "secrets or kubeconfigs lie below it (read the files you need by name)" : null;
    });
    /** A path looked at, not read: names and metadata only (ls, stat, find). */
    public static final ArgType PATH = new ArgType("path (metadata)", PathRules::malformed);

    /** http(s) only, no curl URL globbing ({} and [] outside an IPv6 host). */
    public static final ArgType HTTP_URL = new ArgType("http(s) URL", v -> {
        if (!v.matches("https?://(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?(/[A-Za-z0-9._~%/:&=+,@!$'()*;?-]*)?")) {
            return "not an http:// or https:// URL (no globbing braces or brackets)";
        }
        return null;
    });
    /** curl -w: its %output{FILE} (curl 8.3+) would write a file. */
    public static final ArgType CURL_WRITE_OUT = new ArgType("curl write-out format", v ->
            v.contains("%output{") ? "'%output{...}' would make curl write a file" : v.length() > 200 ? "too long" : null);

    static boolean isIp(String v) {
        if (v.indexOf(':') >= 0) return isIpv6(v);
        String[] parts = v.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) return false;
        }
        return true;
    }

    private static boolean isIpv6(String v) {
        if (!v.matches("[0-9A-Fa-f:.]{2,45}")) return false;
        int dbl = v.indexOf("::");
        if (dbl >= 0 && v.indexOf("::", dbl + 1) >= 0) return false;
        String[] groups = v.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) continue;
            if (i == groups.length - 1 && g.contains(".")) {
                if (!isIp(g)) return false;
                count += 2;
            } else if (g.matches("[0-9A-Fa-f]{1,4}")) {
                count++;
            } else {
                return false;
            }
        }
        return dbl >= 0 ? count < 8 : count == 8;
    }
}
