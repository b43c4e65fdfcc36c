package dev.ktriage.gateway.node;

import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.gateway.NodeGateway;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Each node through its own access (the session's {@code --node-access}, or a node's {@code access}
 * in the ktriage config): a fan-out is split by access, each part runs on its gateway, and the
 * answers come back in the order of the commands. A gateway is made the first time a node needs it.
 */
public final class RoutingNodeGateway implements NodeGateway {

    private final Function<String, NodeAccess> accessOf;
    private final Map<NodeAccess, Supplier<NodeGateway>> makers;
    private final Map<NodeAccess, NodeGateway> made = new EnumMap<>(NodeAccess.class);

    public RoutingNodeGateway(Function<String, NodeAccess> accessOf, Map<NodeAccess, Supplier<NodeGateway>> makers) {
        this.accessOf = accessOf;
        this.makers = new EnumMap<>(makers);
    }

    private synchronized NodeGateway gateway(NodeAccess access) {
        return made.computeIfAbsent(access, a -> {
            Supplier<NodeGateway> maker = makers.get(a);
            if (maker == null) throw new IllegalStateException("no gateway for node access " + a.wireName());
            return maker.get();
        });
    }

    @Override
    public NodeAnswer run(NodeCommand command) {
        return gateway(accessOf.apply(command.node())).run(command);
    }

    @Override
    public String shown(NodeCommand command) {
        return gateway(accessOf.apply(command.node())).shown(command);
    }

    @Override
    public List<NodeAnswer> runAll(List<NodeCommand> commands) {
        return runAll(commands, a -> { });
    }

    @Override
    public List<NodeAnswer> runAll(List<NodeCommand> commands, Consumer<NodeAnswer> answered) {
        Map<NodeAccess, List<Integer>> byAccess = new LinkedHashMap<>();
        for (int i = 0; i < commands.size(); i++) byAccess.computeIfAbsent(accessOf.apply(commands.get(i).node()), a -> new ArrayList<>()).add(i);
        NodeAnswer[] out = new NodeAnswer[commands.size()];
        for (Map.Entry<NodeAccess, List<Integer>> e : byAccess.entrySet()) {
            List<NodeCommand> part = e.getValue().stream().map(commands::get).toList();
            List<NodeAnswer> answers = gateway(e.getKey()).runAll(part, answered);
            for (int j = 0; j < answers.size(); j++) out[e.getValue().get(j)] = answers.get(j);
        }
        return Arrays.asList(out);
    }

    @Override
    public synchronized void close() {
        for (NodeGateway g : made.values()) g.close();
        made.clear();
    }
}
