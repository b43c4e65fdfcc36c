package dev.ktriage.gateway.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH server, run for real on 127.0.0.1 for a test: its own generated host key, one
 * authorized client key, the current user. Commands run for real, so tests use harmless ones
 * (sysctl -n, cat, sleep). {@link #unavailable()} names why it cannot run here, for assumptions.
 */
public final class OpenSshd implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");

    private final Process process;
    private final String host;
    private final int port;
    private final Path hostPublicKey;
    private final Path log;

    private OpenSshd(Process process, String host, int port, Path hostPublicKey, Path log) {
        this.process = process;
        this.host = host;
        this.port = port;
        this.hostPublicKey = hostPublicKey;
        this.log = log;
    }

    /** Why a real sshd cannot be started here, or empty when it can. */
    public static Optional<String> unavailable() {
        if (!Files.isExecutable(SSHD)) return Optional.of(SSHD + " is missing (apt-get install openssh-server; .ci/run does)");
        if (!Files.isExecutable(Path.of("/usr/bin/ssh-keygen"))) return Optional.of("ssh-keygen is missing (openssh-client)");
        if (!Files.isDirectory(PRIVSEP_DIR)) {
            // Debian's service unit creates it at boot; as root we can do the same, otherwise sshd refuses to start
            if (!"root".equals(System.getProperty("user.name"))) return Optional.of(PRIVSEP_DIR + " is missing and we are not root");
            try {
                Files.createDirectories(PRIVSEP_DIR);
            } catch (IOException e) {
                return Optional.of("cannot create " + PRIVSEP_DIR + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    static String user() {
        return System.getProperty("user.name");
    }

    /** An ed25519 key pair from ssh-keygen: {@code dir/name} and {@code dir/name.pub}. */
    public static Path keygen(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path key = dir.resolve(name);
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString()));
        return key;
    }

    /**
     * Starts sshd in {@code dir} accepting {@code clientKey}'s public half, on a free port, and
     * waits until it greets. Extra lines go into its sshd_config.
     */
    public static OpenSshd start(Path dir, Path clientKey, String... extraConfig) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return launch(dir, clientKey, List.of(), "127.0.0.1", freePort(), extraConfig);
            } catch (IOException e) {
                last = e; // most likely the free port was taken meanwhile
            }
        }
        throw last;
    }

    /**
     * Starts sshd through {@code prefix} (e.g. {@code ip netns exec NS ...}, ending where sshd's own
     * argv begins) listening on {@code listen:port}, and waits until it greets from here.
     */
    static OpenSshd launch(Path dir, Path clientKey, List<String> prefix, String listen, int port, String... extraConfig)
            throws IOException {
        Files.createDirectories(dir);
        Path hostKey = dir.resolve("host_ed25519");
        if (!Files.exists(hostKey)) keygen(dir, "host_ed25519");
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(Path.of(clientKey + ".pub"), authorized, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path home = Files.createDirectories(dir.resolve("home"));
        // sshd takes the first value of each keyword, so the test's own lines go first
        List<String> config = new ArrayList<>(List.of(extraConfig));
        config.addAll(List.of(
                // commands run through the user's login shell, and bash under sshd sources ~/.bashrc: an
                // operator's (here: pyenv init) can cost seconds per command. An empty HOME keeps tests fast.
                "SetEnv HOME=" + home,
                "ListenAddress " + listen, "Port " + port, "HostKey " + hostKey, "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorized, "PermitRootLogin prohibit-password", "PasswordAuthentication no",
                "KbdInteractiveAuthentication no", "UsePAM no", "StrictModes no", "PrintMotd no", "MaxStartups 100:30:200",
                "LogLevel VERBOSE"));
        Path file = dir.resolve("sshd_config");
        Files.write(file, config, StandardCharsets.UTF_8);
        Path log = dir.resolve("sshd.log");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(SSHD.toString(), "-D", "-e", "-f", file.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (greets(listen, port, p)) return new OpenSshd(p, listen, port, Path.of(hostKey + ".pub"), log);
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IOException("sshd did not start on " + listen + ":" + port + ": " + Files.readString(log));
    }

    private static boolean greets(String host, int port, Process p) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getByName(host), port), 500);
                s.setSoTimeout(2000);
                InputStream in = s.getInputStream();
                byte[] hello = in.readNBytes(4);
                if (new String(hello, StandardCharsets.US_ASCII).equals("SSH-")) return true;
            } catch (IOException e) {
                sleep(20);
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * The node gateway ktriage would make for this server under the name {@code node}: host key
     * pinned in a known_hosts file of its own in {@code dir}, {@code clientKey} to log in.
     */
    public dev.ktriage.gateway.NodeGateway gateway(Path dir, Path clientKey, String node) throws IOException {
        Path known = Files.createDirectories(dir).resolve("known_hosts");
        Files.writeString(known, knownHostsLine() + "\n");
        SshSettings settings = new SshSettings(known, List.of(clientKey), false, java.time.Duration.ofSeconds(20), java.time.Duration.ofSeconds(10));
        NodeAddress address = new NodeAddress(host, port, user());
        return new SshNodeGateway(settings, n -> n.equals(node) ? Optional.of(address) : Optional.empty());
    }

    int port() {
        return port;
    }

    /** The known_hosts line OpenSSH's own client would write for this server. */
    String knownHostsLine() throws IOException {
        return knownHostsLine(host);
    }

    /** The known_hosts line for this server's key under another name (to model a swapped key). */
    String knownHostsLine(String host) throws IOException {
        String[] pub = Files.readString(hostPublicKey).trim().split("\\s+");
        return (port == 22 ? host : "[" + host + "]:" + port) + " " + pub[0] + " " + pub[1];
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops the server and the sessions it forked (they would outlive a stopped listener). */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(command + " failed: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
