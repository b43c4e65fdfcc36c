package dev.ktriage.gateway.node;

import com.hierynomus.sshj.key.KeyAlgorithm;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * SSH "publickey" authentication (RFC 4252 section 7) with a key held by an ssh-agent: the same
 * two rounds as sshj's AuthPublickey (offer the public key; when the server answers PK_OK, send the
 * request again with a signature) except that the agent makes the signature. It signs exactly the
 * data RFC 4252 says: this session's id and this request.
 * <p>
 * An RSA key is offered under rsa-sha2-512, then rsa-sha2-256 when the server refuses that (sshj
 * does not read the server's server-sig-algs, so it learns by trying, as it does for key files);
 * the agent is asked for the matching hash through its sign flags.
 */
final class AgentAuth extends AbstractAuthMethod {

    private final SshAgent agent;
    private final SshAgent.Identity identity;
    private Queue<KeyAlgorithm> algorithms;

    AgentAuth(SshAgent agent, SshAgent.Identity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
    }

    /** Whether sshj knows how to name this key's algorithms (ed25519, ecdsa, rsa and their certificates). */
    static boolean supports(SshAgent.Identity identity) {
        KeyType type = KeyType.fromString(identity.type());
        return type != KeyType.UNKNOWN && type != KeyType.DSA && type != KeyType.DSA_CERT;
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    @Override
    public void handle(Message message, SSHPacket packet) throws UserAuthException, TransportException {
        if (message != Message.USERAUTH_60) {
            super.handle(message, packet);
            return;
        }
        // PK_OK: the server takes this key; now prove we hold it
        SSHPacket signed = request(true);
        String algorithm = algorithm().getKeyAlgorithm();
        byte[] data = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID()).putBuffer(signed).getCompactData();
        byte[] signature;
        try {
            signature = agent.sign(identity.blob(), data, flags(algorithm));
            String signedWith = new Buffer.PlainBuffer(signature).readString();
            if (!signedWith.equals(algorithm)) {
                throw new UserAuthException("ssh-agent signed with " + signedWith + " where " + algorithm + " was asked");
            }
        } catch (IOException | RuntimeException e) {
            // sshj's reader thread only expects UserAuthException here; it fails this key, not the connection
            throw e instanceof UserAuthException u ? u : new UserAuthException(e.getMessage(), e);
        }
        params.getTransport().write(signed.putString(signature));
    }

    /** Refused under one algorithm: an RSA key is offered again under the next. */
    @Override
    public boolean shouldRetry() {
        if (algorithms == null) return false;
        algorithms.poll();
        return !algorithms.isEmpty();
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        return super.buildReq().putBoolean(signed).putString(algorithm().getKeyAlgorithm()).putString(identity.blob());
    }

    private KeyAlgorithm algorithm() throws UserAuthException {
        try {
            if (algorithms == null) {
                algorithms = new ArrayDeque<>(params.getTransport().getClientKeyAlgorithms(KeyType.fromString(identity.type())));
                // SHA-1 RSA as a last try only costs a login attempt against MaxAuthTries: OpenSSH has not offered it since 8.8
                if (algorithms.stream().anyMatch(a -> a.getKeyAlgorithm().startsWith("rsa-sha2-"))) {
                    algorithms.removeIf(a -> a.getKeyAlgorithm().equals("ssh-rsa"));
                }
            }
        } catch (TransportException e) {
            throw new UserAuthException("no algorithm for a " + identity.type() + " key", e);
        }
        KeyAlgorithm next = algorithms.peek();
        if (next == null) throw new UserAuthException("no algorithm left for a " + identity.type() + " key");
        return next;
    }

    static int flags(String algorithm) {
        return switch (algorithm) {
            case "rsa-sha2-256" -> SshAgent.RSA_SHA2_256;
            case "rsa-sha2-512" -> SshAgent.RSA_SHA2_512;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return "ssh-agent " + identity.type() + " key";
    }
}
