package dev.ktriage.lab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        YamlDocument doc = YamlDocument.readOne(file);
        ObjectNode root = doc.mapping("", doc.root(), KEYS);
        Map<String, String> sysctls = root.hasNonNull("sysctls") ? doc.scalarMap("/sysctls", root.get("sysctls")) : Map.of();
        Map<String, String> files = root.hasNonNull("files") ? doc.scalarMap("/files", root.get("files")) : Map.of();
        List<CommandSpec> commands = new ArrayList<>();
        if (root.hasNonNull("commands")) {
            ArrayNode list = doc.list("/commands", root.get("commands"));
            for (int i = 0; i < list.size(); i++) commands.add(command(doc, "/commands/" + i, list.get(i)));
        }
        boolean unreachable = root.hasNonNull("unreachable") && doc.bool("/unreachable", root.get("unreachable"));
        return new NodeSpec(nodeName, sysctls, files, commands, unreachable);
    }

    private static CommandSpec command(YamlDocument doc, String at, JsonNode node) {
        ObjectNode c = doc.mapping(at, node, COMMAND_KEYS);
        boolean run = c.has("run");
        if (run == c.has("match")) {
            throw doc.error(at, run ? "command has both 'run' and 'match' (give exactly one)" : "command needs 'run' or 'match'");
        }
        Pattern match = null;
        if (!run) {
            String regex = doc.string(at + "/match", c.get("match"));
            try {
                match = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw doc.error(at + "/match", "invalid regex: " + e.getDescription());
            }
        }
        return new CommandSpec(
                run ? doc.string(at + "/run", c.get("run")) : null,
                match,
                text(doc, at + "/stdout", c.get("stdout")),
                text(doc, at + "/stderr", c.get("stderr")),
                c.hasNonNull("exit") ? (int) doc.integer(at + "/exit", c.get("exit")) : 0,
                c.hasNonNull("delayMs") ? doc.integer(at + "/delayMs", c.get("delayMs")) : 0);
    }

    private static String text(YamlDocument doc, String at, JsonNode node) {
        return node == null || node.isNull() ? "" : doc.scalar(at, node);
    }
}
