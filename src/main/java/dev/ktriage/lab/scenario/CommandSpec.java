package dev.ktriage.lab.scenario;

import java.util.regex.Pattern;

/**
 * A canned answer for a node command. Exactly one of {@code run} (the exact command line) and
 * {@code match} (a Java regex over the whole command line) is set.
 */
public record CommandSpec(String run, Pattern match, String stdout, String stderr, int exit, long delayMs) {

    public boolean matches(String commandLine) {
        return run != null ? run.equals(commandLine) : match.matcher(commandLine).matches();
    }
}
