package dev.ktriage.lab.api;

import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.lab.scenario.NodeAnswers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubelet's /logs endpoint, as the API server's node proxy reaches it
 * ({@code /api/v1/nodes/NODE/proxy/logs/...}), answered from the scenario's node as its kubelet
 * would answer (kubernetes/kubernetes pkg/kubelet/kubelet_server_journal.go):
 * <ul>
 *   <li>{@code ?query=UNIT} (with {@code tailLines}, {@code pattern}): the node's answer to
 *       {@code journalctl -u UNIT --no-pager [-n N] [-g PATTERN]}, stdout and stderr together, always 200;
 *       a unit the node does not answer for gives the kubelet's "log not found for UNIT";</li>
 *   <li>{@code ?query=/FILE} (a slash makes it a file) and {@code /logs/FILE}: the node's answer to
 *       {@code cat /var/log/FILE}; a missing file is 404 ("404 page not found", Go's file server);</li>
 *   <li>{@code /logs/} alone: the /var/log listing, as the file server writes it ({@code <pre>...</pre>}).</li>
 * </ul>
 * A raw.yaml answer for the path wins over all of these (a kubelet with the log query turned off).
 */
final class NodeLogs {

    private static final Pattern PATH = Pattern.compile("^/api/v1/nodes/([^/]+)/proxy/logs(/.*)?$");

    private final NodeAnswers nodes;

    NodeLogs(NodeAnswers nodes) {
        this.nodes = nodes;
    }

    Optional<LabResponse> answer(String path, Map<String, String> query) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) return Optional.empty();
        String node = m.group(1);
        String file = m.group(2) == null ? "" : m.group(2).replaceFirst("^/", "");
        String q = query.get("query");
        if (!file.isEmpty()) return Optional.of(file(node, file));
        if (q == null) {
            return Optional.of(nodes.has(node) ? LabResponse.text(200, "<pre>\n</pre>\n") : noNode(node));
        }
        if (q.isBlank()) return Optional.of(LabResponse.text(400, "query: Invalid value: []string{\"" + q + "\"}: query cannot be empty\n"));
        if (q.contains("/")) return Optional.of(file(node, q.replaceFirst("^/+", "")));
        List<String> argv = new ArrayList<>(List.of("journalctl", "-u", q, "--no-pager"));
        if (query.containsKey("tailLines")) argv.addAll(List.of("-n", query.get("tailLines")));
        if (query.containsKey("pattern")) argv.addAll(List.of("-g", query.get("pattern")));
        Optional<NodeAnswers.Reply> r = nodes.run(node, NodeCommand.joined(argv));
        if (r.isEmpty()) return Optional.of(noNode(node));
        if (!r.get().answered()) return Optional.of(LabResponse.text(200, "\nlog not found for " + q + "\n"));
        return Optional.of(LabResponse.text(200, r.get().stdout() + r.get().stderr()));
    }

    private LabResponse file(String node, String file) {
        Optional<NodeAnswers.Reply> r = nodes.run(node, NodeCommand.joined(List.of("cat", "/var/log/" + file)));
        if (r.isEmpty()) return noNode(node);
        if (!r.get().answered() || r.get().exit() != 0) return LabResponse.text(404, "404 page not found\n");
        return LabResponse.text(200, r.get().stdout());
    }

    private static LabResponse noNode(String node) {
        return LabResponse.status(StatusBodies.notFound("", "nodes", node));
    }
}
