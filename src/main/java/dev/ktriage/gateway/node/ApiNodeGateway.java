package dev.ktriage.gateway.node;

import dev.ktriage.gateway.AccessCheck;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.gateway.NodeGateway;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Node commands answered through the API server, with no SSH and no pod: the kubelet's /logs
 * endpoint behind the node proxy (kubernetes/kubernetes pkg/kubelet/kubelet_server_journal.go).
 * {@code journalctl -u UNIT [--no-pager] [-n N] [-g PATTERN]} becomes a node log query
 * ({@code /api/v1/nodes/NODE/proxy/logs/?query=UNIT&tailLines=N&pattern=PATTERN}; the kubelet runs
 * journalctl for it, 1.27+ with the NodeLogQuery feature gate and {@code enableSystemLogQuery}), and
 * {@code cat /var/log/FILE} a read of the file it serves ({@code /proxy/logs/FILE}). Any other
 * command has no API equivalent: its answer is a failed read saying so, and the step is
 * inconclusive with that reason. Needs get on nodes/proxy.
 */
public final class ApiNodeGateway implements NodeGateway {

    private final ClusterGateway cluster;

    public ApiNodeGateway(ClusterGateway cluster) {
        this.cluster = cluster;
    }

    /** Every node step reads through the node proxy (cluster-scoped): the preflight asks for it up front. */
    @Override
    public List<AccessCheck> accessNeeds() {
        return List.of(AccessCheck.resource("get", "nodes", "proxy", null));
    }

    /** What the API server is asked for a command, or empty when the command has no API equivalent. */
    static Optional<String> path(NodeCommand c) {
        List<String> argv = c.argv();
        if (argv.isEmpty()) return Optional.empty();
        String base = "/api/v1/nodes/" + enc(c.node()) + "/proxy/logs/";
        if (argv.get(0).equals("cat") && argv.size() == 2) {
            Path p = Path.of(argv.get(1)).normalize();
            if (!p.isAbsolute() || !p.startsWith("/var/log/") || p.getNameCount() < 3) return Optional.empty();
            List<String> parts = new ArrayList<>();
            for (Path part : p.subpath(2, p.getNameCount())) parts.add(enc(part.toString()));
            return Optional.of(base + String.join("/", parts));
        }
        if (!argv.get(0).equals("journalctl")) return Optional.empty();
        List<String> units = new ArrayList<>();
        String lines = null;
        String pattern = null;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            String next = i + 1 < argv.size() ? argv.get(i + 1) : null;
            if (a.equals("--no-pager") || a.equals("--utc")) continue;
            if ((a.equals("-u") || a.equals("--unit")) && next != null) {
                units.add(next);
                i++;
            } else if (a.startsWith("--unit=")) {
                units.add(a.substring(7));
            } else if ((a.equals("-n") || a.equals("--lines")) && next != null && next.matches("[0-9]+")) {
                lines = next;
                i++;
            } else if (a.startsWith("--lines=") && a.substring(8).matches("[0-9]+")) {
                lines = a.substring(8);
            } else if ((a.equals("-g") || a.equals("--grep")) && next != null) {
                pattern = next;
                i++;
            } else if (a.startsWith("--grep=")) {
                pattern = a.substring(7);
            } else {
                return Optional.empty(); // -k, --since, -b, -o ...: nothing the node log query takes
            }
        }
        // the kubelet takes up to 4 services, named with letters, digits, - _ @
        if (units.isEmpty() || units.size() > 4 || !units.stream().allMatch(u -> u.matches("[a-zA-Z0-9@_-]{1,256}"))) return Optional.empty();
        StringBuilder q = new StringBuilder(base).append('?');
        for (String u : units) q.append("query=").append(enc(u)).append('&');
        if (lines != null) q.append("tailLines=").append(lines).append('&');
        if (pattern != null) q.append("pattern=").append(enc(pattern)).append('&');
        return Optional.of(q.substring(0, q.length() - 1));
    }

    @Override
    public NodeAnswer run(NodeCommand command) {
        Optional<String> path = path(command);
        if (path.isEmpty()) {
            return NodeAnswer.failed(GatherStatus.REFUSED, "`" + command.commandLine() + "` cannot be answered through the API server"
                    + " (node access api: only journalctl -u UNIT [-n N] [-g PATTERN] and cat /var/log/FILE have an equivalent,"
                    + " the kubelet's node log query); it needs node access ssh", 0);
        }
        ClusterAnswer a = cluster.query(new ClusterRequest.Raw(path.get()));
        String via = "kubectl get --raw '" + path.get() + "'";
        if (a.status().isFailure()) return NodeAnswer.failed(a.status(), via + ": " + a.reason(), a.millis());
        String text = a.text() != null ? a.text() : a.body() == null ? "" : a.body().toPrettyString();
        boolean file = command.argv().get(0).equals("cat");
        if (a.httpCode() == 404 && file) {
            return NodeAnswer.ran(1, "", "cat: " + command.argv().get(1) + ": No such file or directory\n", a.millis());
        }
        if (a.httpCode() == 403) {
            return NodeAnswer.failed(GatherStatus.FORBIDDEN, via + " answered 403: reading node logs through the API server needs get on nodes/proxy", a.millis());
        }
        if (a.httpCode() >= 300) {
            return NodeAnswer.failed(GatherStatus.ERROR, via + " answered " + a.httpCode() + firstLine(a, text), a.millis());
        }
        if (!file && text.stripLeading().startsWith("<pre>")) {
            return NodeAnswer.failed(GatherStatus.ERROR, via + " answered the kubelet's /var/log listing, not the query: the node log query"
                    + " needs kubelet 1.27+ with the NodeLogQuery feature gate and enableSystemLogQuery: true", a.millis());
        }
        return NodeAnswer.ran(0, text, "", a.millis());
    }

    private static String firstLine(ClusterAnswer a, String text) {
        if (a.body() != null && a.body().path("message").isTextual()) return ": " + a.body().path("message").asText();
        String line = text.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "" : ": " + line;
    }

    /** The read through the API server, as kubectl makes it; a command with no equivalent is shown as it would run over SSH. */
    @Override
    public String shown(NodeCommand command) {
        return path(command).map(p -> "kubectl get --raw '" + p + "'").orElseGet(() -> NodeGateway.super.shown(command));
    }

    @Override
    public List<NodeAnswer> runAll(List<NodeCommand> commands) {
        return commands.stream().map(this::run).toList();
    }

    @Override
    public void close() {
        // the cluster gateway is the session's: closed with it
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
