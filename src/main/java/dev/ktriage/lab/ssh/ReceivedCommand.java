package dev.ktriage.lab.ssh;

import dev.ktriage.gateway.NodeCommand;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A command line as a lab node received it, with the transport wrappers ktriage adds
 * ({@code timeout N}, {@code sudo -n}, {@code env LC_ALL=C}) taken off, so scenarios are written
 * against the command as the playbook states it.
 *
 * @param argv           the command's own words
 * @param timeoutSeconds the {@code timeout N} the command was wrapped in, if any
 */
record ReceivedCommand(List<String> argv, OptionalInt timeoutSeconds) {

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(\\.\\d+)?([smhd]?)");

    ReceivedCommand {
        argv = List.copyOf(argv);
    }

    /** @throws IllegalArgumentException when the line is not valid shell quoting */
    static ReceivedCommand parse(String line) {
        List<String> words = ShellWords.split(line);
        OptionalInt timeout = OptionalInt.empty();
        int i = 0;
        // Wrappers may come in any order (sudo -n timeout 5 ... is as plausible as the reverse).
        while (i < words.size()) {
            String w = words.get(i);
            int duration = w.equals("timeout") ? timeoutDuration(words, i + 1) : -1;
            if (duration >= 0) {
                timeout = OptionalInt.of(seconds(words.get(duration)));
                i = duration + 1;
            } else if (w.equals("sudo")) {
                i++;
                while (i < words.size() && (words.get(i).equals("-n") || words.get(i).equals("-E"))) i++;
            } else if (w.equals("env")) {
                i++;
                while (i < words.size() && ASSIGNMENT.matcher(words.get(i)).matches()) i++;
            } else if (ASSIGNMENT.matcher(w).matches()) {
                i++;
            } else {
                break;
            }
        }
        return new ReceivedCommand(words.subList(i, words.size()), timeout);
    }

    /**
     * The command line exactly as {@link NodeCommand#commandLine()} renders it: plain words joined
     * by single spaces, any other word quoted the same way. This is what {@code run:} matches.
     */
    String commandLine() {
        return String.join(" ", argv.stream().map(NodeCommand::quote).toList());
    }

    /**
     * The words joined by single spaces without quoting: a second chance for scenario lines written
     * as a person types a pipeline ({@code ip -o link | grep lxc}) rather than as ktriage quotes it.
     */
    String plainLine() {
        return String.join(" ", argv);
    }

    boolean isEmpty() {
        return argv.isEmpty();
    }

    /** Index of the DURATION in {@code timeout [OPTION]... DURATION COMMAND}, or -1 if this is not that form. */
    private static int timeoutDuration(List<String> words, int i) {
        while (i < words.size()) {
            String w = words.get(i);
            if (w.equals("-k") || w.equals("-s")) {
                i += 2;
            } else if (w.startsWith("-") && !DURATION.matcher(w).matches()) {
                i++;
            } else {
                return DURATION.matcher(w).matches() && i + 1 < words.size() ? i : -1;
            }
        }
        return -1;
    }

    private static int seconds(String duration) {
        var m = DURATION.matcher(duration);
        m.matches();
        long n = Long.parseLong(m.group(1)) + (m.group(2) != null ? 1 : 0);
        long factor = switch (m.group(3)) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> 1;
        };
        return (int) Math.min(Integer.MAX_VALUE, n * factor);
    }
}
