package dev.ktriage.lab.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** nodes/NODE.yaml: how a lab node answers commands over SSH. */
final class NodeSpecReader {

    private static final List<String> KEYS = List.of("sysctls", "files", "commands", "unreachable");
    private static final List<String> COMMAND_KEYS = List.of("run", "match", "stdout", "stderr", "exit", "delayMs");

    private NodeSpecReader() {
    }

    static NodeSpec read(Path file, String nodeName) {
        ScenarioValue root = ScenarioValue.document(file).mapping(KEYS);
        Map<String, String> sysctls = root.hasValue("sysctls") ? root.get("sysctls").scalarMap() : Map.of();
        Map<String, String> files = root.hasValue("files") ? root.get("files").scalarMap() : Map.of();
        List<CommandSpec> commands = new ArrayList<>();
        if (root.hasValue("commands")) {
            for (ScenarioValue c : root.get("commands").list()) commands.add(command(c));
        }
        boolean unreachable = root.hasValue("unreachable") && root.get("unreachable").bool();
        return new NodeSpec(nodeName, sysctls, files, commands, unreachable);
    }

    private static CommandSpec command(ScenarioValue value) {
        ScenarioValue c = value.mapping(COMMAND_KEYS);
        boolean run = c.has("run");
        if (run == c.has("match")) {
            throw c.error(run ? "command has both 'run' and 'match' (give exactly one)" : "command needs 'run' or 'match'");
        }
        Pattern match = null;
        if (!run) {
            ScenarioValue regex = c.get("match");
            try {
                match = Pattern.compile(regex.string());
            } catch (PatternSyntaxException e) {
                throw regex.error("invalid regex: " + e.getDescription());
            }
        }
        return new CommandSpec(
                run ? c.get("run").string() : null,
                match,
                text(c, "stdout"),
                text(c, "stderr"),
                c.hasValue("exit") ? (int) c.get("exit").integer() : 0,
                c.hasValue("delayMs") ? c.get("delayMs").integer() : 0);
    }

    private static String text(ScenarioValue command, String key) {
        return command.hasValue(key) ? command.get(key).scalar() : "";
    }
}
