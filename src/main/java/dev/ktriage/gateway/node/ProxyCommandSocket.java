package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.SocketFactory;
import net.schmizz.sshj.SSHClient;

/**
 * OpenSSH's ProxyCommand as sshj's transport: the command runs as {@code ssh} runs it
 * ({@code $SHELL -c "exec COMMAND"}, tokens already expanded), its stdout is what the server says
 * and its stdin what we say. Its stderr is kept (the last few KB) for the failure reason. Closing
 * the connection kills it, and a command that gives no SSH handshake within the connect timeout is
 * killed too: AWS SSM, Teleport and IAP tunnels all work this way.
 */
final class ProxyCommandSocket extends Socket {

    /** How much of the command's stderr a failure reason may quote. */
    private static final int STDERR_KEPT = 4096;
    private static final ScheduledThreadPoolExecutor WATCHDOG = TunnelHandshake.WATCHDOG;

    private final String command;
    private final int port;
    private final Process process;
    private final StringBuilder stderr = new StringBuilder();
    private final Thread stderrReader;
    private volatile boolean closed;

    private ProxyCommandSocket(String command, int port, Process process) {
        this.command = command;
        this.port = port;
        this.process = process;
        this.stderrReader = new Thread(this::keepStderr, "ssh-proxy-command-stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
    }

    /** The shell ssh runs a ProxyCommand with: $SHELL, else /bin/sh. */
    static List<String> argv(String command) {
        String shell = System.getenv("SHELL");
        return List.of(shell == null || shell.isBlank() ? "/bin/sh" : shell, "-c", "exec " + command);
    }

    /**
     * Connects {@code client} to the node through {@code command}, bounded by {@code timeoutMs}
     * up to the server's identification (key exchange and login have their own bounds).
     *
     * @param where how failures name the node ("node n1 (10.0.0.5:22)")
     */
    static void connect(SSHClient client, String command, String host, int port, String where, int timeoutMs)
            throws IOException, NodeFailure {
        ProxyCommandSocket socket;
        try {
            socket = new ProxyCommandSocket(command, port, new ProcessBuilder(argv(command)).start());
        } catch (IOException e) {
            throw new NodeFailure(GatherStatus.UNREACHABLE, where + ": ProxyCommand `" + command + "` did not start: " + e.getMessage());
        }
        client.setSocketFactory(new SocketFactory() {
            @Override
            public Socket createSocket() {
                return socket;
            }

            @Override
            public Socket createSocket(String h, int p) {
                return socket;
            }

            @Override
            public Socket createSocket(String h, int p, java.net.InetAddress l, int lp) {
                return socket;
            }

            @Override
            public Socket createSocket(java.net.InetAddress h, int p) {
                return socket;
            }

            @Override
            public Socket createSocket(java.net.InetAddress h, int p, java.net.InetAddress l, int lp) {
                return socket;
            }
        });
        AtomicBoolean overstayed = new AtomicBoolean();
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            overstayed.set(true);
            socket.kill(); // its stdout ends: sshj reads the end of the stream and gives up
        }, timeoutMs, TimeUnit.MILLISECONDS);
        try {
            client.connect(host, port);
        } catch (IOException | RuntimeException e) {
            boolean silent = overstayed.get();
            Integer exit = silent ? null : socket.exitCode(); // before the kill: its own exit code and last words
            if (!silent && (exit == null || exit == 0)) {
                // the command carried the bytes; the SSH handshake itself failed (a host key, the algorithms):
                // the caller says so as it does for a direct connection
                socket.kill();
                throw e;
            }
            String said = socket.lastStderrLine();
            socket.kill();
            String did = silent ? "gave no SSH handshake within " + timeoutMs + " ms" : "exited " + exit + " before the SSH handshake";
            throw new NodeFailure(GatherStatus.UNREACHABLE, NodeFailure.oneLine(where + ": ProxyCommand `" + command + "` " + did
                    + (said.isEmpty() ? "" : ": " + said)));
        } finally {
            alarm.cancel(false);
        }
    }

    /** The command's exit code once it has ended (waiting a moment for it), or null while it runs. */
    private Integer exitCode() {
        try {
            if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                stderrReader.join(1000); // what it wrote before it ended
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private String lastStderrLine() {
        synchronized (stderr) {
            List<String> lines = stderr.toString().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private void keepStderr() {
        byte[] buf = new byte[1024];
        try (InputStream in = process.getErrorStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (stderr) {
                    stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (stderr.length() > STDERR_KEPT) stderr.delete(0, stderr.length() - STDERR_KEPT);
                }
            }
        } catch (IOException e) {
            // the command ended or was killed: what it said so far is kept
        }
    }

    private void kill() {
        process.destroy();
        WATCHDOG.schedule(() -> {
            if (process.isAlive()) process.destroyForcibly();
        }, 1, TimeUnit.SECONDS);
    }

    @Override
    public InputStream getInputStream() {
        return process.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() {
        return process.getOutputStream();
    }

    /** The node's port, as known_hosts files it ([host]:port): the command's connection has no port of its own. */
    @Override
    public int getPort() {
        return port;
    }

    /** Already connected: sshj then does not try a TCP connect of its own. */
    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) {
        // the command is the connection
    }

    @Override
    public void setSoTimeout(int timeout) {
        // a pipe has no read timeout: the connect watchdog bounds the handshake, sshj's own timeouts the rest
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** The connection closes: the command is killed (it would otherwise keep its tunnel open). */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        kill();
    }
}
