package dev.ktriage.gateway.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of an OpenSSH client config (~/.ssh/config) that says how to reach a host: Host and
 * Match blocks, Include, and HostName, User, Port, IdentityFile, ProxyJump, ProxyCommand, UserKnownHostsFile,
 * StrictHostKeyChecking, IdentityAgent, IdentitiesOnly. As in ssh_config(5), the first value found
 * for a keyword wins, reading blocks top to bottom (included files where their Include line
 * stands); IdentityFile adds up.
 * Match supports all, canonical, final, host, originalhost, user and localuser, negated with
 * {@code !}; {@code Match exec} is never run (ktriage executes nothing a config file names), so
 * such a block does not apply and {@link #warnings()} says so. A config that asks for it (a
 * {@code Match final} line, CanonicalizeHostname) is read a second time as ssh does, with Host
 * patterns tested against the HostName found in the first reading; ktriage does not canonicalize
 * names itself.
 */
public final class SshConfig {

    static final Set<String> KEYWORDS = Set.of("hostname", "user", "port", "identityfile", "proxyjump", "proxycommand",
            "userknownhostsfile", "stricthostkeychecking", "canonicalizehostname",
            "identityagent", "identitiesonly");

    /** The system-wide config ssh reads after the user's (unless given -F). */
    public static final Path SYSTEM_FILE = Path.of("/etc/ssh/ssh_config");

    /** Each file read, in order (the user's, then the system's), as its sections. */
    private final List<List<SshConfigParser.Section>> files;
    private final boolean asksFinalPass;
    private final List<String> warnings;

    private SshConfig(List<List<SshConfigParser.Section>> files, boolean asksFinalPass, List<String> warnings) {
        this.files = List.copyOf(files);
        this.asksFinalPass = asksFinalPass;
        this.warnings = List.copyOf(warnings);
    }

    public static SshConfig empty() {
        return new SshConfig(List.of(), false, List.of());
    }

    /** A user config with the current user's home folder. */
    public static SshConfig load(Path file) {
        return load(file, Path.of(System.getProperty("user.home")));
    }

    /** A user config (~/.ssh/config or {@code -F FILE}): relative Includes are under {@code home}/.ssh. A missing file is an empty config, as it is for ssh. */
    public static SshConfig load(Path file, Path home) {
        return read(file, home, SshConfigParser.Kind.USER);
    }

    /** The system config: relative Includes are under /etc/ssh. */
    public static SshConfig loadSystem(Path file) {
        return read(file, Path.of(System.getProperty("user.home")), SshConfigParser.Kind.SYSTEM);
    }

    private static SshConfig read(Path file, Path home, SshConfigParser.Kind kind) {
        if (file == null || !Files.isRegularFile(file)) return empty();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ssh config " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), text, home, kind);
    }

    /** Text as a user config named "ssh_config" (for tests and callers without a file). */
    public static SshConfig parse(String text) {
        return parse("ssh_config", text, Path.of(System.getProperty("user.home")), SshConfigParser.Kind.USER);
    }

    static SshConfig parse(String name, String text, Path home, SshConfigParser.Kind kind) {
        SshConfigParser parser = new SshConfigParser(home, kind, KEYWORDS);
        List<SshConfigParser.Section> sections = parser.parse(name, text, 0);
        List<String> warnings = new ArrayList<>();
        if (!parser.notEvaluated().isEmpty()) {
            warnings.add("ssh config: Match blocks that ktriage does not evaluate never apply (Match exec is never run): "
                    + String.join(", ", parser.notEvaluated()));
        }
        return new SshConfig(List.of(sections), parser.asksFinalPass(), warnings);
    }

    /** This config followed by another, as ssh reads ~/.ssh/config and then /etc/ssh/ssh_config. */
    public SshConfig then(SshConfig next) {
        List<List<SshConfigParser.Section>> all = new ArrayList<>(files);
        all.addAll(next.files);
        List<String> w = new ArrayList<>(warnings);
        w.addAll(next.warnings);
        return new SshConfig(all, asksFinalPass || next.asksFinalPass, w);
    }

    /** What the operator should know about how this config is read (one line each), e.g. Match exec blocks that never apply. */
    public List<String> warnings() {
        return warnings;
    }

    /** Keyword and arguments: whitespace or one '=' separates them; double quotes group words; a word starting with # starts a comment. */
    /**
     * What follows the keyword, as written: ssh takes a ProxyCommand's value raw to the end of the
     * line (quotes and all, for the shell to read), skipping only the blanks and the one '=' after
     * the keyword (readconf.c: {@code strspn(s, WHITESPACE "=")}).
     */
    static String rawValue(String line) {
        String s = line.strip();
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') i++;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '=')) i++;
        return s.substring(i);
    }

    static List<String> words(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) return List.of();
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        boolean separated = false; // the one '=' allowed between the keyword and its arguments
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '#' && !quoted && !inWord && !out.isEmpty()) {
                break; // a comment after the arguments, as ssh reads it
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && (Character.isWhitespace(c)
                    || (c == '=' && !separated && (out.isEmpty() || (out.size() == 1 && !inWord))))) {
                if (c == '=') separated = true;
                if (inWord) out.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(word.toString());
        return out;
    }

    /**
     * Who a lookup is for.
     *
     * @param names     the host as the operator would name it to ssh; a node is known by its name and its address,
     *                  and a block applies when it matches either
     * @param user      the user fixed before the config is read ({@code ssh -l}: --ssh-user, an override), or null;
     *                  what {@code Match user} sees until a User line sets one
     * @param localUser who runs ktriage, for {@code Match localuser}
     */
    public record Query(List<String> names, String user, String localUser) {
        public Query {
            names = List.copyOf(names);
            if (names.isEmpty()) throw new IllegalArgumentException("a lookup needs a host name");
        }

        public static Query of(String user, String... names) {
            return new Query(List.of(names), user, System.getProperty("user.name"));
        }
    }

    /** The options that apply to a host known by any of {@code names}, with no user fixed beforehand. */
    public HostOptions lookup(String... names) {
        return lookup(Query.of(null, names));
    }

    /** The options that apply to a host, reading blocks in file order, as many times as the config asks (see the class comment). */
    public HostOptions lookup(Query q) {
        Found found = new Found();
        for (List<SshConfigParser.Section> file : files) walk(file, q, q.names(), false, found);
        String canonicalize = found.first.getOrDefault("canonicalizehostname", "no").toLowerCase(Locale.ROOT);
        if (asksFinalPass || canonicalize.equals("yes") || canonicalize.equals("always")) {
            String last = q.names().get(q.names().size() - 1);
            List<String> hosts = found.first.containsKey("hostname") ? List.of(found.first.get("hostname").replace("%h", last)) : q.names();
            for (List<SshConfigParser.Section> file : files) walk(file, q, hosts, true, found);
        }
        String host = String.join("/", q.names());
        Map<String, String> first = found.first;
        Integer port = null;
        if (first.containsKey("port")) {
            try {
                port = Integer.parseInt(first.get("port"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ssh config: Port '" + first.get("port") + "' for " + host + " is not a number");
            }
        }
        String knownHosts = first.get("userknownhostsfile");
        boolean commandFirst = "proxycommand".equals(first.get(" proxy"));
        return new HostOptions(first.get("hostname"), first.get("user"), port, List.copyOf(found.identities),
                commandFirst ? null : first.get("proxyjump"),
                knownHosts == null ? null : knownHosts.split("\\s+")[0], first.get("stricthostkeychecking"),
                first.get("identityagent"), first.get("identitiesonly"), commandFirst ? first.get("proxycommand") : null);
    }

    /** Values found so far: the first of each keyword; identity files add up (each once, as ssh keeps them). */
    private static final class Found {
        final Map<String, String> first = new LinkedHashMap<>();
        final Set<String> identities = new LinkedHashSet<>();
    }

    private static void walk(List<SshConfigParser.Section> file, Query q, List<String> hosts, boolean finalPass, Found found) {
        for (SshConfigParser.Section s : file) {
            // tested where it stands: Match host/user see what the lines above set
            HostMatch.Facts facts = new HostMatch.Facts(hosts, q.names(), found.first.get("hostname"),
                    q.user() != null ? q.user() : found.first.get("user"), q.localUser(), finalPass);
            if (!s.condition().test(facts)) continue;
            for (SshConfigParser.Entry e : s.body()) {
                if (e instanceof SshConfigParser.Option o) {
                    if (o.keyword().equals("identityfile")) found.identities.add(o.value());
                    else found.first.putIfAbsent(o.keyword(), o.value());
                    // ProxyJump and ProxyCommand compete: whichever comes first wins (ssh_config(5))
                    if (o.keyword().equals("proxyjump") || o.keyword().equals("proxycommand")) found.first.putIfAbsent(" proxy", o.keyword());
                } else if (e instanceof SshConfigParser.Include inc) {
                    for (List<SshConfigParser.Section> included : inc.files()) walk(included, q, hosts, finalPass, found);
                }
            }
        }
    }

    /** A block applies when one pattern matches and no negated pattern does (ssh_config(5) PATTERNS). */
    static boolean matches(List<String> patterns, String host) {
        return HostMatch.matches(patterns, host);
    }

    static boolean glob(String pattern, String text) {
        return HostMatch.glob(pattern, text);
    }

    /**
     * What the config says for one host; null (or empty) where it says nothing. Values are as
     * written: {@code ~} and {@code %} tokens are expanded by {@link #expand}.
     */
    public record HostOptions(String hostName, String user, Integer port, List<String> identityFiles,
                              String proxyJump, String userKnownHostsFile, String strictHostKeyChecking,
                              String identityAgent, String identitiesOnly, String proxyCommand) {

        public HostOptions {
            identityFiles = List.copyOf(identityFiles);
        }

        public HostOptions(String hostName, String user, Integer port, List<String> identityFiles,
                           String proxyJump, String userKnownHostsFile, String strictHostKeyChecking,
                           String identityAgent, String identitiesOnly) {
            this(hostName, user, port, identityFiles, proxyJump, userKnownHostsFile, strictHostKeyChecking, identityAgent, identitiesOnly, null);
        }

        public HostOptions(String hostName, String user, Integer port, List<String> identityFiles,
                           String proxyJump, String userKnownHostsFile, String strictHostKeyChecking) {
            this(hostName, user, port, identityFiles, proxyJump, userKnownHostsFile, strictHostKeyChecking, null, null, null);
        }

        /** IdentitiesOnly yes: of the agent's keys, offer only those that are one of the IdentityFiles. */
        public boolean onlyIdentityFiles() {
            return identitiesOnly != null && identitiesOnly.equalsIgnoreCase("yes");
        }

        /**
         * Whether the config lets an unknown host be trusted on first use (accept-new, no, off) or
         * not (yes, ask). It only ever narrows the command-line flag, which alone turns it on; a
         * changed key is refused either way.
         */
        public Optional<Boolean> acceptNew() {
            if (strictHostKeyChecking == null) return Optional.empty();
            String v = strictHostKeyChecking.toLowerCase(Locale.ROOT);
            return Optional.of(v.equals("accept-new") || v.equals("no") || v.equals("off"));
        }

    }

    /** ssh_config(5) tokens in paths and HostName: ~, %d, %h, %p, %r, %u, %%. */
    static String expand(String value, Path home, String host, int port, String user) {
        String v = value.startsWith("~/") || value.equals("~") ? home + value.substring(1) : value;
        return tokens(v, t -> switch (t) {
            case 'd' -> home.toString();
            case 'h' -> host;
            case 'p' -> String.valueOf(port);
            case 'r' -> user;
            case 'u' -> System.getProperty("user.name");
            default -> "%" + t; // not one of these: left as written
        });
    }

    /** {@code value} with each {@code %X} replaced by {@code token(X)}, and {@code %%} by {@code %}. */
    static String tokens(String value, java.util.function.Function<Character, String> token) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%' || i + 1 == value.length()) {
                out.append(c);
                continue;
            }
            char t = value.charAt(++i);
            out.append(t == '%' ? "%" : token.apply(t));
        }
        return out.toString();
    }
}
