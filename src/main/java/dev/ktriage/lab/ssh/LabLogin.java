package dev.ktriage.lab.ssh;

import dev.ktriage.lab.scenario.NodeSpec;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

import java.io.IOException;
import java.security.PublicKey;
import java.util.Map;

/**
 * Who may log in to the lab: the user name picks the node, and only the lab's client key is
 * accepted. A node marked {@code unreachable} drops the connection instead of answering, so the
 * client sees a failed connection, never a reply.
 */
final class LabLogin implements PublickeyAuthenticator {

    private final Map<String, NodeSpec> nodes;
    private final String clientKeyLine;

    LabLogin(Map<String, NodeSpec> nodes, String clientKeyLine) {
        this.nodes = nodes;
        this.clientKeyLine = clientKeyLine;
    }

    @Override
    public boolean authenticate(String user, PublicKey key, ServerSession session) {
        NodeSpec node = nodes.get(user);
        if (node == null) return false;
        if (node.unreachable()) {
            try {
                session.disconnect(SshConstants.SSH2_DISCONNECT_HOST_NOT_ALLOWED_TO_CONNECT,
                        "lab node " + user + " is unreachable");
            } catch (IOException e) {
                // the session is closing either way
            }
            return false;
        }
        return clientKeyLine.equals(PublicKeyEntry.toString(key));
    }
}
