package dev.ktriage.playbook;

import dev.ktriage.playbook.expr.Template;
import java.util.List;

/**
 * A node command typed by the operator (the REPL's {@code ssh NODE CMD...}), held to the rules of
 * playbook node commands: no shell metacharacters, no substitutions, no command that changes the node.
 */
public final class AdHocNodeCommand {

    private AdHocNodeCommand() {
    }

    /** @throws IllegalArgumentException naming the rule the command breaks */
    public static List<String> argv(String commandLine) {
        if (commandLine.contains("$")) throw new IllegalArgumentException("'$' in a node command: nothing is substituted here");
        return NodeCommandTemplate.parse(commandLine).stream().map(Template::source).toList();
    }
}
