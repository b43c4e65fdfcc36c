package dev.ktriage.engine;

import java.time.Instant;
import java.util.List;

/**
 * One fact a diagnosis rests on, with where it came from: what a step found, the lines it quotes,
 * and the read that gave them (the kubectl or ssh command, the node, the time the read ended).
 *
 * @param source  cluster (the API server), node (a command over SSH) or none (a step that only decides)
 * @param command the read as kubectl or ssh would write it, or null for a step that only decides
 * @param node    the node a node read ran on, or null
 * @param at      when the step's read ended
 */
public record Fact(String step, String title, String says, List<String> quotes, String source, String command, String node,
                   Instant at) {

    public Fact {
        quotes = List.copyOf(quotes);
    }

    /** Where a read came from, by the command it shows: cluster (the API server), node, or none (a step that only decides). */
    public static String source(String command) {
        if (command == null || command.isBlank()) return "none";
        return command.startsWith("ssh ") ? "node" : "cluster";
    }

    /** The node of {@code ssh NODE ...}, or null. */
    static String node(String command) {
        if (command == null || !command.startsWith("ssh ")) return null;
        String rest = command.substring(4).strip();
        int sp = rest.indexOf(' ');
        return sp < 0 ? rest : rest.substring(0, sp);
    }
}
