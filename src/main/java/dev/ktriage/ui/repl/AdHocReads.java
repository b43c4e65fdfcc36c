package dev.ktriage.ui.repl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.playbook.AdHocNodeCommand;
import dev.ktriage.ui.EvidenceText;
import dev.ktriage.ui.Workspace;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The REPL's look-arounds between steps: {@code get} through the cluster gateway and {@code ssh}
 * through the node gateway, both read-only, both the same code paths a playbook uses. While a
 * session runs, each read is recorded in its transcript like the steps' own.
 */
final class AdHocReads {

    private static final int NODE_TIMEOUT_SECONDS = 15;
    private final Workspace ws;
    /** Takes each read into the running session's transcript, if there is one; says whether it did. */
    private final Predicate<Consumer<SessionListener>> record;

    AdHocReads(Workspace ws, Predicate<Consumer<SessionListener>> record) {
        this.ws = ws;
        this.record = record;
    }

    private static final String USAGE = "get RESOURCE [NAME] [-n NS|-A] [-l SELECTOR] [-o wide|yaml|json]";

    /** Kinds kubectl reads without a namespace: -n is neither needed nor echoed for them. */
    private static final java.util.Set<String> CLUSTER_SCOPED = java.util.Set.of("nodes", "node", "no", "namespaces", "namespace", "ns",
            "persistentvolumes", "persistentvolume", "pv", "clusterroles", "clusterrole", "clusterrolebindings", "clusterrolebinding",
            "apiservices", "apiservice", "storageclasses", "storageclass", "sc", "customresourcedefinitions", "crd", "crds",
            "priorityclasses", "pc", "runtimeclasses", "ingressclasses", "csinodes", "validatingwebhookconfigurations",
            "mutatingwebhookconfigurations", "ciliumclusterwidenetworkpolicies", "ccnp");

    /** {@code get RESOURCE [NAME] [-n NS | -A] [-l SELECTOR] [-o wide|yaml|json]}, printed as kubectl prints it. */
    String get(List<String> args) {
        String resource = null;
        String name = null;
        String ns = defaultNamespace();
        boolean nsGiven = false;
        boolean all = false;
        String selector = null;
        String output = "";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-n", "--namespace" -> {
                    ns = value(args, ++i, a);
                    nsGiven = true;
                }
                case "-l", "--selector" -> selector = value(args, ++i, a);
                case "-A", "--all-namespaces" -> all = true;
                case "-o", "--output" -> output = value(args, ++i, a);
                default -> {
                    if (a.startsWith("-o") && a.length() > 2) output = a.substring(a.startsWith("-o=") ? 3 : 2);
                    else if (a.startsWith("--output=")) output = a.substring("--output=".length());
                    else if (a.startsWith("-")) throw new IllegalArgumentException("unknown option " + a + " (" + USAGE + ")");
                    else if (resource == null) resource = a;
                    else if (name == null) name = a;
                    else throw new IllegalArgumentException("get takes one RESOURCE and at most one NAME");
                }
            }
        }
        if (resource == null) throw new IllegalArgumentException("usage: " + USAGE);
        if (!List.of("", "wide", "yaml", "json").contains(output)) throw new IllegalArgumentException("-o takes wide, yaml or json, not '" + output + "'");
        if (all || (CLUSTER_SCOPED.contains(resource) && !nsGiven)) ns = null;
        ClusterRequest req = name != null ? new ClusterRequest.Get(resource, ns, name)
                : new ClusterRequest.ListObjects(resource, ns, selector, null, 500);
        ClusterAnswer a = ws.cluster().query(req);
        record.test(t -> t.clusterExchange(SessionListener.OPERATOR_STEP, req, a));
        String head = "$ " + req.kubectl() + "\n";
        if (a.status().isFailure() || a.body() == null) return head + EvidenceText.of(a);
        JsonNode body = a.body();
        if (output.equals("json")) return head + body.toPrettyString();
        if (output.equals("yaml")) return head + yaml(body);
        List<JsonNode> items = new java.util.ArrayList<>();
        if (body.has("items")) body.get("items").forEach(items::add);
        else items.add(body);
        return head + KubectlTable.of(resource, items, all, output.equals("wide"), java.time.Instant.now());
    }

    private static String yaml(JsonNode body) {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                    .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER).writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot print YAML: " + e.getOriginalMessage());
        }
    }

    /** {@code ssh NODE CMD...}: refused unless it passes the playbook rules for node commands. */
    String ssh(String node, String commandLine) {
        if (node.isBlank() || commandLine.isBlank()) throw new IllegalArgumentException("usage: ssh NODE COMMAND [ARGS...]");
        NodeCommand cmd = new NodeCommand(node, AdHocNodeCommand.argv(commandLine), false, NODE_TIMEOUT_SECONDS);
        NodeAnswer a = ws.nodes().run(cmd);
        record.test(t -> t.nodeExchange(SessionListener.OPERATOR_STEP, cmd, a));
        return "$ ssh " + node + " " + cmd.commandLine() + "\n" + EvidenceText.of(a);
    }

    String defaultNamespace() {
        return ws.sessions().namespace();
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(i);
    }
}
