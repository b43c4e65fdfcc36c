package dev.ktriage.lab;

import dev.ktriage.gateway.node.SshNodeGateway;
import dev.ktriage.gateway.node.SshSettings;
import dev.ktriage.lab.ssh.LabSshServer;

import java.time.Duration;
import java.util.List;

/**
 * The SSH node gateway pointed at the embedded lab. It is built here, from the gateway's public
 * settings, so that the gateway knows nothing of the lab and the lab is reached by the same sshj
 * code as real nodes.
 */
public final class LabNodeGateway {

    private LabNodeGateway() {
    }

    /** A gateway wired to the lab's SSH server: its known_hosts, its client key, its port, user = node name. */
    public static SshNodeGateway open(LabSshServer lab) {
        SshSettings settings = new SshSettings(lab.knownHostsFile(), List.of(lab.identityFile()), false,
                Duration.ofSeconds(10), Duration.ofSeconds(2));
        return new SshNodeGateway(settings, LabNodeResolver.of(lab));
    }
}
