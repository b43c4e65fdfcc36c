package dev.ktriage.lab.scenario;

import java.util.List;
import java.util.Map;

/** One nodes/NODE.yaml: how a lab node answers commands over SSH. */
public record NodeSpec(
        String name,
        Map<String, String> sysctls,
        Map<String, String> files,
        List<CommandSpec> commands,
        boolean unreachable) {

    public NodeSpec {
        sysctls = Map.copyOf(sysctls);
        files = Map.copyOf(files);
        commands = List.copyOf(commands);
    }
}
