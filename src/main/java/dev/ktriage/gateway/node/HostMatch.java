package dev.ktriage.gateway.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a Host or Match block of an ssh config applies, as ssh_config(5) says. Criteria are read
 * once, when the file is parsed (malformed ones are errors with file:line there); they are tested
 * for each lookup against what is known at that point of the file ({@link Facts}).
 * <p>
 * {@code Match exec} is never run: ktriage is read-only and does not execute commands taken from a
 * config file. A Match line with {@code exec}, or with a criterion newer than OpenSSH 9.2, never
 * applies, negated or not (we cannot know its value), and the parser warns about it once.
 */
sealed interface HostMatch {

    /** Criteria a Match line may hold that ktriage does not evaluate: the block never applies. */
    Set<String> NOT_EVALUATED = Set.of("exec", "localnetwork", "tagged", "version", "sessiontype", "command");

    /**
     * What a block is tested against.
     *
     * @param hosts         the names ssh was given (a node's name and its address); in the final pass the HostName
     * @param originalHosts the names as given, in every pass
     * @param hostName      the HostName found so far (not expanded), or null
     * @param user          the remote user so far ({@code -l}, else an earlier User), or null
     * @param localUser     who runs ktriage
     * @param finalPass     the second reading of the config that {@code Match final} asks for
     */
    record Facts(List<String> hosts, List<String> originalHosts, String hostName, String user, String localUser,
                 boolean finalPass) {
    }

    boolean test(Facts f);

    /** Lines before the first Host or Match, and an included file's top. */
    HostMatch ALWAYS = new Always();

    record Always() implements HostMatch {
        @Override
        public boolean test(Facts f) {
            return true;
        }
    }

    /** {@code Host PATTERN...}: one name matches a pattern and no name matches a negated one. */
    record Host(List<String> patterns) implements HostMatch {
        @Override
        public boolean test(Facts f) {
            return f.hosts().stream().anyMatch(h -> matches(patterns, h));
        }
    }

    /** One {@code [!]name [argument]} of a Match line. */
    record Criterion(String name, boolean negated, String argument) {
    }

    /** {@code Match CRITERION...}: all criteria hold. {@code evaluated} is false when one cannot be tested here. */
    record Match(List<Criterion> criteria, boolean evaluated) implements HostMatch {

        /** The criteria of a Match line, or an IllegalArgumentException saying what is wrong with them. */
        static Match parse(List<String> args) {
            if (args.isEmpty()) throw new IllegalArgumentException("Match needs criteria (e.g. Match host PATTERN)");
            List<Criterion> out = new ArrayList<>();
            boolean evaluated = true;
            for (int i = 0; i < args.size(); i++) {
                String word = args.get(i);
                boolean negated = word.startsWith("!");
                String name = (negated ? word.substring(1) : word).toLowerCase(Locale.ROOT);
                switch (name) {
                    case "all", "canonical", "final" -> {
                        if (name.equals("all") && !(out.stream().allMatch(c -> c.name().equals("canonical") || c.name().equals("final"))
                                && i == args.size() - 1)) {
                            throw new IllegalArgumentException("'all' cannot be combined with other Match criteria");
                        }
                        out.add(new Criterion(name, negated, null));
                    }
                    case "host", "originalhost", "user", "localuser" -> {
                        if (i + 1 == args.size()) throw new IllegalArgumentException("Match " + name + " needs a pattern list");
                        out.add(new Criterion(name, negated, args.get(++i)));
                    }
                    default -> {
                        if (!NOT_EVALUATED.contains(name)) throw new IllegalArgumentException("unsupported Match criterion '" + word + "'");
                        evaluated = false;
                        out.add(new Criterion(name, negated, i + 1 < args.size() ? args.get(++i) : null));
                    }
                }
            }
            return new Match(List.copyOf(out), evaluated);
        }

        /** Whether a final pass is asked for: OpenSSH reads the config again when any Match line names {@code final}. */
        boolean asksFinalPass() {
            return criteria.stream().anyMatch(c -> c.name().equals("final"));
        }

        @Override
        public boolean test(Facts f) {
            if (!evaluated) return false;
            for (Criterion c : criteria) {
                if (holds(c, f) == c.negated()) return false;
            }
            return true;
        }

        private static boolean holds(Criterion c, Facts f) {
            return switch (c.name()) {
                case "all" -> true;
                case "canonical", "final" -> f.finalPass();
                // the HostName found so far when there is one (its %h is the name given), else the names given
                case "host" -> f.hostName() == null
                        ? f.hosts().stream().anyMatch(h -> list(c.argument(), h, true))
                        : f.hosts().stream().anyMatch(h -> list(c.argument(), f.hostName().replace("%h", h), true));
                case "originalhost" -> f.originalHosts().stream().anyMatch(h -> list(c.argument(), h, true));
                case "user" -> list(c.argument(), f.user() != null ? f.user() : f.localUser(), false);
                case "localuser" -> list(c.argument(), f.localUser(), false);
                default -> false;
            };
        }
    }

    /** A Host line's patterns: one matches and no negated one does (ssh_config(5) PATTERNS). */
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

    /** A comma-separated pattern list as OpenSSH's match_pattern_list: a negated match vetoes. Users compare case-sensitively. */
    static boolean list(String patterns, String value, boolean ignoreCase) {
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        boolean any = false;
        for (String single : patterns.split(",")) {
            if (single.isEmpty()) continue;
            boolean negated = single.startsWith("!");
            String glob = negated ? single.substring(1) : single;
            if (glob(ignoreCase ? glob.toLowerCase(Locale.ROOT) : glob, v)) {
                if (negated) return false;
                any = true;
            }
        }
        return any;
    }

    /** {@code *} and {@code ?} wildcards, everything else literal. */
    static boolean glob(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }
}
