package dev.ktriage.ui.repl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.playbook.AdHocNodeCommand;
import dev.ktriage.ui.EvidenceText;
import dev.ktriage.ui.Workspace;
import java.util.List;

/**
 * The REPL's look-arounds between steps: {@code get} through the cluster gateway and {@code ssh}
 * through the node gateway, both read-only, both the same code paths a playbook uses.
 */
final class AdHocReads {

    private static final int NODE_TIMEOUT_SECONDS = 15;
    private final Workspace ws;

    AdHocReads(Workspace ws) {
        this.ws = ws;
    }

    /** {@code get RESOURCE [NAME] [-n NS | -A] [-l SELECTOR]} */
    String get(List<String> args) {
        String resource = null;
        String name = null;
        String ns = defaultNamespace();
        String selector = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-n", "--namespace" -> ns = value(args, ++i, a);
                case "-l", "--selector" -> selector = value(args, ++i, a);
                case "-A", "--all-namespaces" -> ns = null;
                default -> {
                    if (a.startsWith("-")) throw new IllegalArgumentException("unknown option " + a + " (get RESOURCE [NAME] [-n NS|-A] [-l SELECTOR])");
                    if (resource == null) resource = a;
                    else if (name == null) name = a;
                    else throw new IllegalArgumentException("get takes one RESOURCE and at most one NAME");
                }
            }
        }
        if (resource == null) throw new IllegalArgumentException("usage: get RESOURCE [NAME] [-n NS|-A] [-l SELECTOR]");
        ClusterRequest req = name != null ? new ClusterRequest.Get(resource, ns, name)
                : new ClusterRequest.ListObjects(resource, ns, selector, null, 500);
        ClusterAnswer a = ws.cluster().query(req);
        String head = "$ " + req.kubectl() + "\n";
        if (a.status().isFailure() || name != null || a.body() == null || !a.body().has("items")) return head + EvidenceText.of(a);
        return head + table(a.body().get("items"));
    }

    /** {@code ssh NODE CMD...}: refused unless it passes the playbook rules for node commands. */
    String ssh(String node, String commandLine) {
        if (node.isBlank() || commandLine.isBlank()) throw new IllegalArgumentException("usage: ssh NODE COMMAND [ARGS...]");
        NodeCommand cmd = new NodeCommand(node, AdHocNodeCommand.argv(commandLine), false, NODE_TIMEOUT_SECONDS);
        NodeAnswer a = ws.nodes().run(cmd);
        return "$ ssh " + node + " " + cmd.commandLine() + "\n" + EvidenceText.of(a);
    }

    String defaultNamespace() {
        return ws.sessions().namespace();
    }

    private static String table(JsonNode items) {
        StringBuilder b = new StringBuilder(String.format("%-20s %-48s %s%n", "NAMESPACE", "NAME", "STATUS"));
        for (JsonNode i : items) {
            JsonNode meta = i.path("metadata");
            b.append(String.format("%-20s %-48s %s%n", meta.path("namespace").asText("-"), meta.path("name").asText(), status(i)));
        }
        return b.append(items.size()).append(" object(s)").toString();
    }

    private static String status(JsonNode o) {
        JsonNode phase = o.path("status").path("phase");
        if (!phase.isMissingNode()) return phase.asText();
        for (JsonNode c : o.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) return "Ready=" + c.path("status").asText();
        }
        return "";
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(i);
    }
}
