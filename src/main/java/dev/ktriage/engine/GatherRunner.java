package dev.ktriage.engine;

import dev.ktriage.allowlist.AllowList;
import dev.ktriage.allowlist.CommandRefused;
import dev.ktriage.allowlist.Word;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.gateway.NodeGateway;
import dev.ktriage.playbook.Gather;
import dev.ktriage.cel.Values;
import dev.ktriage.playbook.lang.Text;
import dev.ktriage.playbook.lang.Unavailable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Turns a step's gather into a request, sends it through the right gateway and reports the
 * exchange. Values from the cluster that end up in a node command must look like names, addresses
 * or paths; anything else is refused before a byte is sent.
 */
public final class GatherRunner {

    /** Names, IPs, device names, sysctl keys, paths: all a playbook needs to pass to a node. */
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._:/@%+=,\\[\\]-]{1,253}");

    private final ClusterGateway cluster;
    private final NodeGateway nodes;
    private final SessionListener listener;

    public GatherRunner(ClusterGateway cluster, NodeGateway nodes, SessionListener listener) {
        this.cluster = cluster;
        this.nodes = nodes;
        this.listener = listener;
    }

    /**
     * The request a gather makes with these variables, for showing before it runs.
     *
     * @throws Unavailable when a value the request needs is not there
     */
    public String command(Gather g, Map<String, Object> vars) {
        if (g instanceof Gather.Cluster c) return clusterRequest(c, vars).kubectl();
        if (g instanceof Gather.Review r) return review(r, vars).kubectl();
        Gather.Node n = (Gather.Node) g;
        List<String> argv = new ArrayList<>();
        for (Text t : n.argv()) argv.add(t.render(vars));
        Object on = n.on().isSingleExpression() ? n.on().value(vars) : null;
        if (on instanceof List<?> many) return "ssh {" + many.size() + " nodes} " + NodeCommand.joined(argv);
        return nodes.shown(new NodeCommand(n.on().render(vars), argv, n.sudo(), n.timeoutSeconds()));
    }

    /** How a node read was made when it was not over SSH, for the transcript; null over SSH. */
    private static String via(String shown) {
        return shown.startsWith("ssh ") ? null : shown;
    }

    public Evidence run(String stepId, Gather g, Map<String, Object> vars) {
        try {
            return send(stepId, g, vars);
        } catch (Unavailable e) {
            return refused("cannot make the request: " + e.getMessage(), vars);
        }
    }

    private Evidence send(String stepId, Gather g, Map<String, Object> vars) {
        if (g instanceof Gather.Review r) {
            ClusterRequest request = review(r, vars);
            ClusterAnswer answer = cluster.query(request);
            listener.clusterExchange(stepId, request, answer);
            return Evidence.of(answer, request.kubectl(), vars);
        }
        if (g instanceof Gather.Cluster c) {
            ClusterRequest request = clusterRequest(c, vars);
            ClusterAnswer answer = cluster.query(request);
            listener.clusterExchange(stepId, request, answer);
            return Evidence.of(answer, request.kubectl(), vars);
        }
        Gather.Node n = (Gather.Node) g;
        Object on = n.on().isSingleExpression() ? n.on().value(vars) : null;
        if (on instanceof List<?> many) return fanOut(stepId, n, many, vars);
        String node = n.on().render(vars);
        List<String> argv = new ArrayList<>();
        String refusal = arguments(n, vars, argv);
        if (refusal != null) return refused(refusal, vars);
        refusal = checkNode(node);
        if (refusal != null) return refused(refusal, vars);
        NodeCommand command = new NodeCommand(node, argv, n.sudo(), n.timeoutSeconds());
        NodeAnswer answer = nodes.run(command);
        String shown = nodes.shown(command);
        listener.nodeExchange(stepId, command, answer, via(shown));
        return Evidence.of(answer, shown, vars);
    }

    /**
     * One command on many nodes at once (the gateway bounds the concurrency). The text extractors
     * see every answered line as {@code NODE: line}; {@code answered}, {@code failedNodes} and
     * {@code outputs} (node → stdout) are added for the step's rules. Only when every node fails is
     * the step inconclusive.
     */
    private Evidence fanOut(String stepId, Gather.Node n, List<?> targets, Map<String, Object> vars) {
        List<String> argv = new ArrayList<>();
        String refusal = arguments(n, vars, argv);
        if (refusal != null) return refused(refusal, vars);
        List<NodeCommand> commands = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Object t : targets) {
            String node = Values.text(t);
            String bad = checkNode(node);
            if (bad != null) failed.add(node + ": " + bad);
            else commands.add(new NodeCommand(node, argv, n.sudo(), n.timeoutSeconds()));
        }
        AtomicInteger done = new AtomicInteger();
        int total = commands.size();
        List<NodeAnswer> answers = commands.isEmpty() ? List.of()
                : nodes.runAll(commands, a -> listener.nodesAnswered(stepId, done.incrementAndGet(), total));
        StringBuilder text = new StringBuilder();
        List<String> answered = new ArrayList<>();
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            NodeCommand c = commands.get(i);
            NodeAnswer a = answers.get(i);
            listener.nodeExchange(stepId, c, a, via(nodes.shown(c)));
            if (a.status().isFailure()) {
                failed.add(c.node() + ": " + a.reason());
                continue;
            }
            if (n.accept() != null && !n.accept().contains(a.exitCode())) {
                failed.add(c.node() + ": exit " + a.exitCode() + firstLine(a.stderr()));
                continue;
            }
            answered.add(c.node());
            outputs.put(c.node(), a.stdout());
            a.stdout().lines().forEach(l -> text.append(c.node()).append(": ").append(l).append('\n'));
        }
        Map<String, Object> withFanOut = new HashMap<>(vars);
        withFanOut.put("answered", answered);
        withFanOut.put("failedNodes", failed);
        withFanOut.put("outputs", outputs);
        String command = "ssh {" + targets.size() + " nodes} " + new NodeCommand("-", argv, n.sudo(), n.timeoutSeconds()).commandLine();
        if (answered.isEmpty()) {
            String reason = targets.isEmpty() ? "no nodes to run on" : "no node answered (" + String.join("; ", failed) + ")";
            return new Evidence(GatherStatus.UNREACHABLE, reason, "", null, -1, command, withFanOut);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("code", 0L);
        facts.put("text", text.toString());
        facts.put("stderr", "");
        facts.put("answered", answered);
        facts.put("failed", failed);
        facts.put("outputs", outputs);
        return new Evidence(GatherStatus.OK, null, text.toString(), null, 0, command, withFanOut, facts);
    }

    /**
     * Renders the argument templates and holds the result to the read-only allow-list, each filled
     * value to the type of its position (an IP where an IP goes; never an option). A cluster value
     * that does not look like a name, address or path is refused outright.
     */
    private static String arguments(Gather.Node n, Map<String, Object> vars, List<String> argv) {
        List<Word> words = new ArrayList<>();
        for (Text t : n.argv()) {
            String value = t.render(vars);
            if (!t.isConstant() && !SAFE_VALUE.matcher(value).matches()) {
                String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
                return "refusing to pass the cluster value '" + shown.replace("\n", "\\n")
                        + "' to a node command: it does not look like a name, address or path";
            }
            argv.add(value);
            words.add(new Word(value, t.isConstant() ? Word.Kind.LITERAL : Word.Kind.VALUE, 0));
        }
        try {
            AllowList.check(words);
        } catch (CommandRefused e) {
            return "refusing to run `" + NodeCommand.joined(argv) + "`: " + e.getMessage();
        }
        return null;
    }

    static String firstLine(String stderr) {
        if (stderr == null || stderr.isBlank()) return "";
        return ": " + stderr.strip().lines().findFirst().orElse("");
    }

    private static String checkNode(String node) {
        if (node.isEmpty()) return "no node to run on (the pod is not scheduled?)";
        return SAFE_VALUE.matcher(node).matches() ? null : "refusing node name '" + node + "'";
    }

    private static Evidence refused(String reason, Map<String, Object> vars) {
        return new Evidence(GatherStatus.REFUSED, reason, "", null, -1, null, vars);
    }

    private static ClusterRequest clusterRequest(Gather.Cluster c, Map<String, Object> vars) {
        String ns = render(c.namespace(), vars);
        return switch (c.verb()) {
            case "get" -> new ClusterRequest.Get(c.resource(), ns, render(c.name(), vars));
            case "list" -> new ClusterRequest.ListObjects(c.resource(), ns, render(c.labelSelector(), vars),
                    render(c.fieldSelector(), vars), c.limit());
            case "logs" -> new ClusterRequest.Logs(ns, render(c.name(), vars), render(c.container(), vars), c.previous(), c.tailLines());
            default -> new ClusterRequest.Raw(render(c.path(), vars));
        };
    }

    private static ClusterRequest.AccessReview review(Gather.Review r, Map<String, Object> vars) {
        List<String> groups = new ArrayList<>();
        if (r.groups() != null) {
            Object g = r.groups().isSingleExpression() ? r.groups().value(vars) : r.groups().render(vars);
            if (g instanceof List<?> l) for (Object o : l) groups.add(Values.text(o));
            else if (!String.valueOf(g).isBlank()) groups.add(String.valueOf(g));
        }
        String user = r.user() == null ? "" : r.user().render(vars);
        return new ClusterRequest.AccessReview(user, groups, r.verb().render(vars), render(r.group(), vars), render(r.resource(), vars),
                render(r.subresource(), vars), render(r.namespace(), vars), render(r.name(), vars), render(r.path(), vars));
    }

    private static String render(Text t, Map<String, Object> vars) {
        if (t == null) return null;
        String s = t.render(vars);
        return s.isEmpty() ? null : s;
    }
}
