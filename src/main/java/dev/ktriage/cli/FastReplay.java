package dev.ktriage.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code ktriage replay FILE [--playbooks DIR]... [--plugins PATH]... [--debug]} read by hand, for
 * {@link Main}'s start-up fast path. Anything else it does not read exactly as picocli would (help,
 * another option, a missing value, {@code --}, an {@code @file}, no or two files) is left to picocli,
 * which also owns every usage error message.
 */
final class FastReplay {

    private FastReplay() {
    }

    /** @return the exit code, or null when picocli should handle these arguments */
    static Integer run(PrintWriter out, PrintWriter err, boolean debug, String... args) {
        PlaybookOptions playbooks = new PlaybookOptions();
        Path file = null;
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--debug")) continue;
                if (a.startsWith("@") || a.isEmpty()) return null;
                String option = a.startsWith("--playbooks") ? "--playbooks" : a.startsWith("--plugins") ? "--plugins" : null;
                if (option != null) {
                    String value;
                    if (a.equals(option)) {
                        if (i + 1 >= args.length) return null;
                        value = args[++i];
                    } else if (a.startsWith(option + "=")) {
                        value = a.substring(option.length() + 1);
                    } else {
                        return null;
                    }
                    if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) return null;
                    (option.equals("--playbooks") ? playbooks.folders : playbooks.plugins).add(Path.of(value));
                    continue;
                }
                if (a.startsWith("-") || file != null) return null;
                file = Path.of(a);
            }
        } catch (InvalidPathException e) {
            return null;
        }
        if (file == null) return null;
        try {
            return ReplayCommand.replay(out, err, file, playbooks.reportingTo(err));
        } catch (RuntimeException e) {
            // as Main's execution exception handler reports it
            err.println("ktriage: " + Errors.oneLine(e));
            if (debug) e.printStackTrace(err);
            err.flush();
            return 1;
        }
    }
}
