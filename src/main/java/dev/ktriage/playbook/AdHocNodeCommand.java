package dev.ktriage.playbook;

import dev.ktriage.playbook.lang.Text;
import java.util.List;

/**
 * A node command typed by the operator (the REPL's {@code ssh NODE CMD...}), held to the rules of
 * playbook node commands: no shell metacharacters, no substitutions, and only the read-only forms of
 * the allow-list ({@link dev.ktriage.allowlist.AllowList}).
 */
public final class AdHocNodeCommand {

    private AdHocNodeCommand() {
    }

    /** @throws IllegalArgumentException naming the rule the command breaks (a {@link dev.ktriage.allowlist.CommandRefused}) */
    public static List<String> argv(String commandLine) {
        if (commandLine.contains("$")) throw new IllegalArgumentException("'$' in a node command: nothing is substituted here");
        return NodeCommandTemplate.parse(commandLine).argv().stream().map(Text::source).toList();
    }
}
