package dev.ktriage.gateway.node;

import dev.ktriage.gateway.AccessCheck;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.gateway.NodeSession;
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
    /** The session under way, and what ends it on each gateway it reached (one made mid-session begins it then). */
    private NodeSession session;
    private final List<NodeSession.End> ends = new ArrayList<>();

    public RoutingNodeGateway(Function<String, NodeAccess> accessOf, Map<NodeAccess, Supplier<NodeGateway>> makers) {
        this.accessOf = accessOf;
        this.makers = new EnumMap<>(makers);
    }

    private synchronized NodeGateway gateway(NodeAccess access) {
        return made.computeIfAbsent(access, a -> {
            Supplier<NodeGateway> maker = makers.get(a);
            if (maker == null) throw new IllegalStateException("no gateway for node access " + a.wireName());
            NodeGateway g = maker.get();
            if (session != null) ends.add(g.begin(session));
            return g;
        });
    }

    /** The needs of every access this session may use but SSH, which asks nothing of the API server. */
    @Override
    public List<AccessCheck> accessNeeds() {
        List<AccessCheck> out = new ArrayList<>();
        for (NodeAccess a : makers.keySet()) {
            if (a == NodeAccess.SSH) continue;
            for (AccessCheck c : gateway(a).accessNeeds()) if (!out.contains(c)) out.add(c);
        }
        return out;
    }

    @Override
    public synchronized NodeSession.End begin(NodeSession session) {
        this.session = session;
        for (NodeGateway g : made.values()) ends.add(g.begin(session));
        return () -> {
            List<NodeSession.End> now;
            synchronized (this) {
                now = List.copyOf(ends);
                ends.clear();
                this.session = null;
            }
            for (NodeSession.End end : now) end.close();
        };
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
