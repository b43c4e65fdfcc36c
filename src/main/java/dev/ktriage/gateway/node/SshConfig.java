package dev.ktriage.gateway.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of an OpenSSH client config (~/.ssh/config) that says how to reach a host: Host blocks
 * with {@code *}, {@code ?} and {@code !} patterns, and HostName, User, Port, IdentityFile,
 * ProxyJump, UserKnownHostsFile, StrictHostKeyChecking. As in ssh_config(5), the first value
 * found for a keyword wins, reading blocks top to bottom; IdentityFile adds up. Match blocks
 * and Include are not understood: a Match block never applies, so it cannot loosen anything.
 */
public final class SshConfig {

    static final Set<String> KEYWORDS = Set.of("hostname", "user", "port", "identityfile", "proxyjump",
            "userknownhostsfile", "stricthostkeychecking");

    /** One Host (or Match) block: its patterns and its options in file order. */
    private record Block(List<String> patterns, boolean match, Map<String, List<String>> options) {
    }

    private final List<Block> blocks;

    private SshConfig(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static SshConfig empty() {
        return new SshConfig(List.of());
    }

    /** A missing file is an empty config, as it is for ssh. */
    public static SshConfig load(Path file) {
        if (file == null || !Files.isRegularFile(file)) return empty();
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ssh config " + file + ": " + e.getMessage(), e);
        }
    }

    public static SshConfig parse(String text) {
        List<Block> blocks = new ArrayList<>();
        // lines before the first Host apply to every host
        Block current = new Block(List.of("*"), false, new LinkedHashMap<>());
        blocks.add(current);
        for (String raw : text.split("\\R")) {
            List<String> words = words(raw);
            if (words.isEmpty()) continue;
            String keyword = words.get(0).toLowerCase(Locale.ROOT);
            List<String> args = words.subList(1, words.size());
            if (keyword.equals("host") || keyword.equals("match")) {
                current = new Block(List.copyOf(args), keyword.equals("match"), new LinkedHashMap<>());
                blocks.add(current);
            } else if (KEYWORDS.contains(keyword) && !args.isEmpty()) {
                current.options().computeIfAbsent(keyword, k -> new ArrayList<>()).add(String.join(" ", args));
            }
        }
        return new SshConfig(blocks);
    }

    /** Keyword and arguments: whitespace or one '=' separates them; double quotes group words. */
    static List<String> words(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) return List.of();
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && (Character.isWhitespace(c) || (c == '=' && out.isEmpty()))) {
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
     * The options that apply to a host known by any of {@code names} (for a node: its name and its
     * address), reading blocks in file order: a block applies when its patterns match one name.
     */
    public HostOptions lookup(String... names) {
        String host = String.join("/", names);
        Map<String, String> first = new LinkedHashMap<>();
        List<String> identities = new ArrayList<>();
        for (Block b : blocks) {
            if (b.match() || java.util.Arrays.stream(names).noneMatch(n -> matches(b.patterns(), n))) continue;
            for (Map.Entry<String, List<String>> e : b.options().entrySet()) {
                if (e.getKey().equals("identityfile")) identities.addAll(e.getValue());
                else first.putIfAbsent(e.getKey(), e.getValue().get(0));
            }
        }
        Integer port = null;
        if (first.containsKey("port")) {
            try {
                port = Integer.parseInt(first.get("port"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ssh config: Port '" + first.get("port") + "' for " + host + " is not a number");
            }
        }
        String knownHosts = first.get("userknownhostsfile");
        return new HostOptions(first.get("hostname"), first.get("user"), port, identities, first.get("proxyjump"),
                knownHosts == null ? null : knownHosts.split("\\s+")[0], first.get("stricthostkeychecking"));
    }

    /** A block applies when one pattern matches and no negated pattern does (ssh_config(5) PATTERNS). */
    static boolean matches(List<String> patterns, String host) {
        boolean any = false;
        String h = host.toLowerCase(Locale.ROOT);
        for (String p : patterns) {
            for (String single : p.split(",")) {
                if (single.isEmpty()) continue;
                boolean negated = single.startsWith("!");
                String glob = (negated ? single.substring(1) : single).toLowerCase(Locale.ROOT);
                if (glob(glob, h)) {
                    if (negated) return false;
                    any = true;
                }
            }
        }
        return any;
    }

    static boolean glob(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return text.matches(regex.toString());
    }

    /**
     * What the config says for one host; null (or empty) where it says nothing. Values are as
     * written: {@code ~} and {@code %} tokens are expanded by {@link #expand}.
     */
    public record HostOptions(String hostName, String user, Integer port, List<String> identityFiles,
                              String proxyJump, String userKnownHostsFile, String strictHostKeyChecking) {

        public HostOptions {
            identityFiles = List.copyOf(identityFiles);
        }

        /**
         * Trust on first use as the config asks. "no" and "off" would let OpenSSH accept a changed
         * key in some cases; ktriage never does, so they mean accept-new here.
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
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '%' || i + 1 == v.length()) {
                out.append(c);
                continue;
            }
            char t = v.charAt(++i);
            switch (t) {
                case 'd' -> out.append(home);
                case 'h' -> out.append(host);
                case 'p' -> out.append(port);
                case 'r' -> out.append(user);
                case 'u' -> out.append(System.getProperty("user.name"));
                case '%' -> out.append('%');
                default -> out.append('%').append(t);
            }
        }
        return out.toString();
    }
}
