package dev.ktriage.engine;

import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.playbook.Gather;
import dev.ktriage.playbook.expr.Evaluator;
import dev.ktriage.playbook.expr.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a step's gather into a request, sends it through the right gateway and reports the
 * exchange. Values from the cluster that end up in a node command must look like names, addresses
 * or paths; anything else is refused before a byte is sent.
 */
final class GatherRunner {

    /** Names, IPs, device names, sysctl keys, paths: all a playbook needs to pass to a node. */
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._:/@%+=,\\[\\]-]{1,253}");

    private final ClusterGateway cluster;
    private final NodeGateway nodes;
    private final SessionListener listener;

    GatherRunner(ClusterGateway cluster, NodeGateway nodes, SessionListener listener) {
        this.cluster = cluster;
        this.nodes = nodes;
        this.listener = listener;
    }

    /** The request a gather makes with these variables, for showing before it runs. */
    String command(Gather g, Map<String, Object> vars) {
        Evaluator eval = Evaluator.of(vars);
        if (g instanceof Gather.Cluster c) return clusterRequest(c, eval).kubectl();
        Gather.Node n = (Gather.Node) g;
        List<String> argv = new ArrayList<>();
        for (Template t : n.argv()) argv.add(t.render(eval));
        return "ssh " + n.on().render(eval) + " " + new NodeCommand("-", argv, n.sudo(), n.timeoutSeconds()).commandLine();
    }

    Evidence run(String stepId, Gather g, Map<String, Object> vars) {
        Evaluator eval = Evaluator.of(vars);
        if (g instanceof Gather.Cluster c) {
            ClusterRequest request = clusterRequest(c, eval);
            ClusterAnswer answer = cluster.query(request);
            listener.clusterExchange(stepId, request, answer);
            return Evidence.of(answer, request.kubectl(), vars);
        }
        Gather.Node n = (Gather.Node) g;
        String node = n.on().render(eval);
        List<String> argv = new ArrayList<>();
        for (Template t : n.argv()) {
            String value = t.render(eval);
            if (!t.isConstant() && !SAFE_VALUE.matcher(value).matches()) {
                String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
                return refused("refusing to pass the cluster value '" + shown.replace("\n", "\\n")
                        + "' to a node command: it does not look like a name, address or path", vars);
            }
            argv.add(value);
        }
        if (node.isEmpty() || !SAFE_VALUE.matcher(node).matches()) {
            return refused(node.isEmpty() ? "no node to run on (the pod is not scheduled?)" : "refusing node name '" + node + "'", vars);
        }
        NodeCommand command = new NodeCommand(node, argv, n.sudo(), n.timeoutSeconds());
        NodeAnswer answer = nodes.run(command);
        listener.nodeExchange(stepId, command, answer);
        return Evidence.of(answer, "ssh " + node + " " + command.commandLine(), vars);
    }

    private static Evidence refused(String reason, Map<String, Object> vars) {
        return new Evidence(GatherStatus.REFUSED, reason, "", null, -1, null, vars);
    }

    private static ClusterRequest clusterRequest(Gather.Cluster c, Evaluator eval) {
        String ns = render(c.namespace(), eval);
        return switch (c.verb()) {
            case "get" -> new ClusterRequest.Get(c.resource(), ns, render(c.name(), eval));
            case "list" -> new ClusterRequest.ListObjects(c.resource(), ns, render(c.labelSelector(), eval),
                    render(c.fieldSelector(), eval), c.limit());
            case "logs" -> new ClusterRequest.Logs(ns, render(c.name(), eval), render(c.container(), eval), c.previous(), c.tailLines());
            default -> new ClusterRequest.Raw(render(c.path(), eval));
        };
    }

    private static String render(Template t, Evaluator eval) {
        if (t == null) return null;
        String s = t.render(eval);
        return s.isEmpty() ? null : s;
    }
}
