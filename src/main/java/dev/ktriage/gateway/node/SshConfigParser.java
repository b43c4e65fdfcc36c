package dev.ktriage.gateway.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an ssh config into blocks, following {@code Include} as OpenSSH's readconf.c does:
 * relative paths are under ~/.ssh (user config) or /etc/ssh (system config), {@code ~} is the home
 * folder, glob patterns ({@code *}, {@code ?}, {@code [..]}) expand in lexical order, a pattern
 * matching nothing or a file that is not there is skipped. An included file is read where the
 * Include line stands, so an Include inside a Host or Match block only applies when that block
 * does. What OpenSSH refuses is an error naming file:line: an included file that exists but cannot
 * be read, one writable by others or owned by someone else, and includes nested deeper than 16
 * (an Include loop).
 */
final class SshConfigParser {

    /** OpenSSH's READCONF_MAX_DEPTH. */
    static final int MAX_DEPTH = 16;

    /** Which config a file is read as: decides where relative Include paths start and whether ~ may be used. */
    enum Kind { USER, SYSTEM }

    /** A Host or Match block (or the lines before the first one): when it applies and what it says. */
    record Section(HostMatch condition, List<Entry> body) {
    }

    sealed interface Entry {
    }

    record Option(String keyword, String value) implements Entry {
    }

    /** The files one Include line read, in the order ssh reads them. */
    record Include(List<List<Section>> files) implements Entry {
    }

    private final Path home;
    private final Kind kind;
    private final Set<String> keywords;
    private final List<String> notEvaluated = new ArrayList<>();
    private boolean asksFinalPass;

    SshConfigParser(Path home, Kind kind, Set<String> keywords) {
        this.home = home;
        this.kind = kind;
        this.keywords = keywords;
    }

    /** Match lines ktriage does not evaluate, as "file:line (criterion)". */
    List<String> notEvaluated() {
        return List.copyOf(notEvaluated);
    }

    boolean asksFinalPass() {
        return asksFinalPass;
    }

    List<Section> parse(String name, String text, int depth) {
        List<Section> sections = new ArrayList<>();
        Section current = new Section(HostMatch.ALWAYS, new ArrayList<>());
        sections.add(current);
        String[] lines = text.split("\\R", -1);
        for (int n = 1; n <= lines.length; n++) {
            List<String> words = SshConfig.words(lines[n - 1]);
            if (words.isEmpty()) continue;
            String keyword = words.get(0).toLowerCase(Locale.ROOT);
            List<String> args = words.subList(1, words.size());
            switch (keyword) {
                case "host" -> {
                    current = new Section(new HostMatch.Host(List.copyOf(args)), new ArrayList<>());
                    sections.add(current);
                }
                case "match" -> {
                    HostMatch.Match match;
                    try {
                        match = HostMatch.Match.parse(args);
                    } catch (IllegalArgumentException e) {
                        throw error(name, n, e.getMessage());
                    }
                    if (!match.evaluated()) {
                        notEvaluated.add(name + ":" + n + " (" + match.criteria().stream()
                                .filter(c -> HostMatch.NOT_EVALUATED.contains(c.name())).map(HostMatch.Criterion::name).findFirst().orElse("?") + ")");
                    }
                    asksFinalPass |= match.asksFinalPass();
                    current = new Section(match, new ArrayList<>());
                    sections.add(current);
                }
                case "include" -> {
                    if (args.isEmpty()) throw error(name, n, "Include needs a file name or pattern");
                    current.body().add(new Include(include(name, n, args, depth)));
                }
                default -> {
                    if (keywords.contains(keyword) && !args.isEmpty()) {
                        String value = keyword.equals("proxycommand") ? SshConfig.rawValue(lines[n - 1]) : String.join(" ", args);
                        current.body().add(new Option(keyword, value));
                    }
                }
            }
        }
        return sections;
    }

    private List<List<Section>> include(String name, int line, List<String> args, int depth) {
        List<List<Section>> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("~") && kind == Kind.SYSTEM) throw error(name, line, "bad include path " + arg + " (~ is for user configs)");
            for (Path file : glob(anchor(arg))) {
                if (!Files.exists(file) || Files.isDirectory(file)) continue;
                if (depth + 1 > MAX_DEPTH) {
                    throw error(name, line, "Include nested more than " + MAX_DEPTH + " deep at " + file + " (an Include loop?)");
                }
                checkOwnerAndMode(name, line, file);
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw error(name, line, "cannot read included file " + file + ": " + reason(e));
                }
                files.add(parse(file.toString(), text, depth + 1));
            }
        }
        return files;
    }

    /** As ssh: relative to ~/.ssh or /etc/ssh, {@code ~/} is the home folder. */
    private String anchor(String arg) {
        if (arg.equals("~") || arg.startsWith("~/")) return home + arg.substring(1);
        if (arg.startsWith("/") || arg.startsWith("~")) return arg;
        return (kind == Kind.USER ? home.resolve(".ssh") : Path.of("/etc/ssh")) + "/" + arg;
    }

    /**
     * ssh refuses an included file that another user could have written: it could point us at
     * a different host or key.
     */
    private static void checkOwnerAndMode(String name, int line, Path file) {
        try {
            PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class);
            String owner = a.owner().getName();
            boolean ownerOk = owner.equals("root") || owner.equals(System.getProperty("user.name"));
            Set<PosixFilePermission> p = a.permissions();
            if (!ownerOk || p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw error(name, line, "bad owner or permissions on included file " + file + " (owner " + owner
                        + ", must be you or root and not writable by group or others)");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to compare
        } catch (IOException e) {
            throw error(name, line, "cannot read included file " + file + ": " + reason(e));
        }
    }

    /** Expands a glob(3) pattern, one path component at a time, sorted like glob's results. */
    static List<Path> glob(String pattern) {
        if (!hasWildcard(pattern)) return List.of(Path.of(pattern));
        List<Path> current = List.of(Path.of(pattern.startsWith("/") ? "/" : "."));
        for (String component : pattern.split("/")) {
            if (component.isEmpty()) continue;
            List<Path> next = new ArrayList<>();
            if (!hasWildcard(component)) {
                for (Path p : current) next.add(p.resolve(component));
            } else {
                Pattern regex = componentRegex(component);
                for (Path dir : current) {
                    if (!Files.isDirectory(dir)) continue;
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                        for (Path e : entries) {
                            String n = e.getFileName().toString();
                            // like glob(3): a leading dot is only matched by a pattern that has one
                            if (n.startsWith(".") && !component.startsWith(".")) continue;
                            if (regex.matcher(n).matches()) next.add(e);
                        }
                    } catch (IOException e) {
                        // an unreadable folder matches nothing, as for glob(3) without GLOB_ERR
                    }
                }
            }
            current = next;
        }
        return new ArrayList<>(new LinkedHashSet<>(current)).stream().filter(Files::exists)
                .sorted(Comparator.comparing(Path::toString)).toList();
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    static Pattern componentRegex(String glob) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                r.append("[^/]*");
            } else if (c == '?') {
                r.append("[^/]");
            } else if (c == '[' && classEnd(glob, i) > 0) {
                int end = classEnd(glob, i);
                int j = i + 1;
                r.append('[');
                if (glob.charAt(j) == '!' || glob.charAt(j) == '^') {
                    r.append('^');
                    j++;
                }
                for (; j < end; j++) {
                    char k = glob.charAt(j);
                    if (k == '-' && j > i + 1 && j + 1 < end) r.append('-');
                    else if (Character.isLetterOrDigit(k)) r.append(k);
                    else r.append('\\').append(k);
                }
                r.append(']');
                i = end;
            } else {
                r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(r.toString());
    }

    /** Where a {@code [..]} class opened at {@code open} closes (a ']' right after '[' or '[!' is literal), or -1. */
    private static int classEnd(String glob, int open) {
        int j = open + 1;
        if (j < glob.length() && (glob.charAt(j) == '!' || glob.charAt(j) == '^')) j++;
        if (j < glob.length() && glob.charAt(j) == ']') j++;
        int end = glob.indexOf(']', j);
        return end;
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static IllegalArgumentException error(String file, int line, String message) {
        return new IllegalArgumentException("ssh config " + file + ":" + line + ": " + message);
    }
}
