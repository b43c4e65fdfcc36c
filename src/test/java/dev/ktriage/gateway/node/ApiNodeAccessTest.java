package dev.ktriage.gateway.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.gateway.GatherStatus;
import dev.ktriage.gateway.NodeAnswer;
import dev.ktriage.gateway.NodeCommand;
import dev.ktriage.gateway.NodeGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which node commands have an API equivalent (the kubelet's node log query), per-node access in the config, and routing by it. */
class ApiNodeAccessTest {

    private static Optional<String> path(String node, String... argv) {
        return ApiNodeGateway.path(new NodeCommand(node, List.of(argv), false, 10));
    }

    @Test
    void journalUnitsAndVarLogFilesHaveAnEquivalentNothingElse() {
        assertEquals(Optional.of("/api/v1/nodes/n1/proxy/logs/?query=kubelet&tailLines=5000&pattern=Forbidden"),
                path("n1", "journalctl", "-u", "kubelet", "--no-pager", "-n", "5000", "-g", "Forbidden"));
        assertEquals(Optional.of("/api/v1/nodes/n1/proxy/logs/?query=containerd&query=kubelet"),
                path("n1", "journalctl", "--unit=containerd", "--unit", "kubelet"));
        assertEquals(Optional.of("/api/v1/nodes/n1/proxy/logs/?query=kubelet&pattern=a%20b%26c"), path("n1", "journalctl", "-u", "kubelet", "--grep=a b&c"));
        assertEquals(Optional.of("/api/v1/nodes/n1/proxy/logs/pods/web_0/app/0.log"), path("n1", "cat", "/var/log/pods/web_0/app/0.log"));
        assertEquals(Optional.empty(), path("n1", "journalctl", "-k", "--no-pager", "-n", "5000"), "the kernel log is no unit");
        assertEquals(Optional.empty(), path("n1", "journalctl", "-u", "kubelet", "--since", "today"), "no option the query takes");
        assertEquals(Optional.empty(), path("n1", "journalctl", "--no-pager"), "a unit is required");
        assertEquals(Optional.empty(), path("n1", "cat", "/var/log/../etc/shadow"), "only below /var/log");
        assertEquals(Optional.empty(), path("n1", "cat", "/etc/kubernetes/kubelet.conf"));
        assertEquals(Optional.empty(), path("n1", "sysctl", "-a"));
    }

    @Test
    void aCommandWithoutEquivalentIsAFailedReadSayingSoAndNothingIsAsked() {
        NodeGateway api = new ApiNodeGateway(null); // no cluster call may happen
        NodeAnswer a = api.run(new NodeCommand("n1", List.of("ip", "route", "get", "10.0.0.1"), false, 10));
        assertEquals(GatherStatus.REFUSED, a.status());
        assertTrue(a.reason().contains("cannot be answered through the API server"), a.reason());
        assertEquals("ssh n1 ip route get 10.0.0.1", api.shown(new NodeCommand("n1", List.of("ip", "route", "get", "10.0.0.1"), false, 10)));
        assertEquals(List.of(dev.ktriage.gateway.AccessCheck.resource("get", "nodes", "proxy", null)), api.accessNeeds(),
                "the preflight asks for the node proxy");
    }

    @Test
    void theConfigSaysPerNodeHowItIsReached(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("config.yaml");
        Files.writeString(config, "ssh:\n  nodes:\n    \"fargate-*\": {access: api}\n    bastion: {user: admin}\n");
        NodeOverrides o = NodeOverrides.load(config);
        assertEquals(NodeAccess.API, o.forNode("fargate-ip-10-0-1-5").orElseThrow().access());
        assertEquals(null, o.forNode("bastion").orElseThrow().access());
        Files.writeString(config, "ssh:\n  nodes:\n    n1: {access: debug-pod}\n");
        assertEquals(NodeAccess.DEBUG_POD, NodeOverrides.load(config).forNode("n1").orElseThrow().access());
        Files.writeString(config, "ssh:\n  nodes:\n    n1: {access: kubelet}\n");
        String e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> NodeOverrides.load(config)).getMessage();
        assertTrue(e.contains("config.yaml:3") && e.contains("must be ssh, api or debug-pod, not 'kubelet'"), e);
    }

    @Test
    void aFanOutIsSplitByAccessAndAnsweredInOrder() {
        List<String> sshAsked = new ArrayList<>();
        List<String> apiAsked = new ArrayList<>();
        RoutingNodeGateway routing = new RoutingNodeGateway(node -> node.startsWith("f") ? NodeAccess.API : NodeAccess.SSH,
                Map.of(NodeAccess.SSH, () -> fake("ssh", sshAsked), NodeAccess.API, () -> fake("api", apiAsked)));
        List<NodeCommand> commands = new ArrayList<>();
        for (String n : List.of("a1", "f1", "a2", "f2")) commands.add(new NodeCommand(n, List.of("true"), false, 5));
        List<NodeAnswer> answers = routing.runAll(commands);
        assertEquals(List.of("ssh:a1", "api:f1", "ssh:a2", "api:f2"), answers.stream().map(NodeAnswer::stdout).toList());
        assertEquals(List.of("a1", "a2"), sshAsked);
        assertEquals(List.of("f1", "f2"), apiAsked);
    }

    private static NodeGateway fake(String name, List<String> asked) {
        return new NodeGateway() {
            public NodeAnswer run(NodeCommand c) {
                asked.add(c.node());
                return NodeAnswer.ran(0, name + ":" + c.node(), "", 0);
            }

            public List<NodeAnswer> runAll(List<NodeCommand> commands) {
                return commands.stream().map(this::run).toList();
            }

            public void close() {
            }
        };
    }
}
