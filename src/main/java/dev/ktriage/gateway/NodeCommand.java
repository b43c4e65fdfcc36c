package dev.ktriage.gateway;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A read-only command for one node, as an argument vector. Arguments that came from the cluster
 * are never interpreted by the remote shell: {@link #commandLine()} quotes every argument that is
 * not plainly safe, so {@code $(...)}, backticks, {@code ;}, {@code |}, quotes and newlines stay
 * literal text.
 *
 * @param timeoutSeconds enforced on the node ({@code timeout N}) and bounded again by the client
 */
public record NodeCommand(String node, List<String> argv, boolean sudo, int timeoutSeconds) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,^-]+");

    public NodeCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) throw new IllegalArgumentException("empty command");
        if (timeoutSeconds <= 0) throw new IllegalArgumentException("timeout must be positive");
    }

    /** The command as the playbook states it: what the operator would type, and what the lab matches. */
    public String commandLine() {
        return joined(argv);
    }

    /** Arguments as one shell-quoted line. */
    public static String joined(List<String> argv) {
        StringBuilder b = new StringBuilder();
        for (String arg : argv) {
            if (b.length() > 0) b.append(' ');
            b.append(quote(arg));
        }
        return b.toString();
    }

    /** What is sent over SSH: the command wrapped in a remote timeout, C locale, and sudo when asked. */
    public String wireCommand() {
        return "timeout " + timeoutSeconds + " " + (sudo ? "sudo -n " : "") + "env LC_ALL=C " + commandLine();
    }

    /** POSIX shell quoting: safe words stay as they are, everything else is single-quoted. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && SAFE.matcher(arg).matches()) return arg;
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
