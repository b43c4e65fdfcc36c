package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.userauth.UserAuthException;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Turns what sshj and the socket layer throw into the gateway's vocabulary: UNREACHABLE when we
 * never got a working connection, REFUSED when the node would not let us in, ERROR otherwise.
 */
final class SshFailureClassifier {

    /** Disconnects that mean "this host will not talk to us now", as opposed to a protocol fault. */
    private static final Set<DisconnectReason> GONE = EnumSet.of(
            DisconnectReason.HOST_NOT_ALLOWED_TO_CONNECT, DisconnectReason.CONNECTION_LOST,
            DisconnectReason.BY_APPLICATION, DisconnectReason.TOO_MANY_CONNECTIONS,
            DisconnectReason.SERVICE_NOT_AVAILABLE);

    private SshFailureClassifier() {
    }

    /** @param who the host as the operator knows it: "node NAME" or "jump host NAME" */
    static NodeFailure classify(Throwable failure, String who, NodeAddress address, Duration connectTimeout) {
        if (interrupted(failure)) {
            // the operator cancelled (Ctrl-C) while we connected or waited: say so, not what the cut-off
            // handshake looked like ("SSH handshake failed: null"); and keep the interrupt for the caller
            Thread.currentThread().interrupt();
            return new NodeFailure(GatherStatus.ERROR, who + ": interrupted");
        }
        String where = who + " (" + address.host() + ":" + address.port() + ")";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NodeFailure known) return known;
            if (t instanceof UnknownHostException) {
                return new NodeFailure(GatherStatus.UNREACHABLE, where + ": cannot resolve host " + address.host());
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new NodeFailure(GatherStatus.UNREACHABLE, where + ": " + message(t, "connection refused"));
            }
            if (t instanceof SocketTimeoutException) {
                return new NodeFailure(GatherStatus.UNREACHABLE, where + ": no answer within "
                        + connectTimeout.toMillis() + " ms");
            }
            if (t instanceof UserAuthException) {
                return new NodeFailure(GatherStatus.REFUSED, "authentication failed for " + address.user() + "@" + address.host());
            }
            if (t instanceof SSHException ssh && GONE.contains(ssh.getDisconnectReason())) {
                return new NodeFailure(GatherStatus.UNREACHABLE, where + " closed the connection ("
                        + ssh.getDisconnectReason() + "): " + message(t, "no reason given"));
            }
            if (t instanceof SSHException ssh && ssh.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE) {
                return new NodeFailure(GatherStatus.REFUSED, where + ": host key not verified: " + message(t, ""));
            }
            if (t instanceof EOFException || t instanceof SocketException) {
                return new NodeFailure(GatherStatus.UNREACHABLE, where + ": connection lost: " + message(t, t.getClass().getSimpleName()));
            }
        }
        if (failure instanceof StaleConnection) {
            return new NodeFailure(GatherStatus.UNREACHABLE, where + ": connection lost, no channel could be opened: "
                    + message(failure, "no detail"));
        }
        return new NodeFailure(GatherStatus.ERROR, where + ": " + failure.getClass().getSimpleName() + ": "
                + message(failure, "no detail"));
    }

    private static boolean interrupted(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) return true;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // a SocketTimeoutException is an InterruptedIOException too, but it is a timeout
            if (t instanceof InterruptedException || t instanceof ClosedByInterruptException
                    || t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException)) return true;
        }
        return false;
    }

    private static String message(Throwable t, String fallback) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? fallback : m;
    }
}
