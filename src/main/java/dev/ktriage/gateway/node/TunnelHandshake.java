package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;

import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The SSH handshake with a node through a jump host's tunnel, bounded. A direct connection has a
 * socket whose read timeout bounds the wait for the node's identification line; a tunnel has no
 * socket of ours, and sshj waits for that line with no bound of its own. So a node that the jump
 * host reaches but that never speaks SSH (a wrong port, a hung sshd) would hold its command
 * forever. A watchdog ends the attempt at the connect timeout: it closes the tunnel's input, which
 * sshj reads as the end of the stream, and the node is UNREACHABLE like a silent direct one.
 */
final class TunnelHandshake {

    /**
     * One thread for every gateway's bounded connects (tunnels, ProxyCommands); it only runs when a
     * handshake overstays, and ends when idle.
     */
    static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private TunnelHandshake() {
    }

    /** Connects {@code client} over {@code tunnel}; the key exchange and login that follow have their own bounds. */
    static void connect(SSHClient client, DirectConnection tunnel, String where, String jumpHost, int timeoutMs)
            throws IOException, NodeFailure {
        AtomicBoolean overstayed = new AtomicBoolean();
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            overstayed.set(true);
            closeQuietly(tunnel.getInputStream());
        }, timeoutMs, TimeUnit.MILLISECONDS);
        try {
            client.connectVia(tunnel);
        } catch (IOException | RuntimeException e) {
            if (!overstayed.get()) throw e;
        } finally {
            alarm.cancel(false);
        }
        if (overstayed.get()) {
            // the jump host keeps its side open until told: close the channel, off this thread (it waits for
            // the reply), and off the watchdog's, whose other alarms must not wait behind a wedged jump host
            Thread closer = new Thread(() -> closeQuietly(tunnel), "ssh-tunnel-close");
            closer.setDaemon(true);
            closer.start();
            throw new NodeFailure(GatherStatus.UNREACHABLE, where + ": no SSH handshake within " + timeoutMs
                    + " ms through jump host " + jumpHost);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already closed, or the jump host went away: nothing left to release
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ssh-tunnel-watchdog");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        e.setKeepAliveTime(1, TimeUnit.SECONDS);
        e.allowCoreThreadTimeOut(true);
        return e;
    }
}
