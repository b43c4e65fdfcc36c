package dev.ktriage.gateway.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH {@code ssh-agent}, run for real in the foreground on a socket of the test's
 * own, with keys added by the real {@code ssh-add}. {@link #unavailable()} names why it cannot run here.
 */
final class OpenSshAgent implements AutoCloseable {

    static final Path SSH_AGENT = Path.of("/usr/bin/ssh-agent");
    static final Path SSH_ADD = Path.of("/usr/bin/ssh-add");

    private final Process process;
    private final Path socket;

    private OpenSshAgent(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    static Optional<String> unavailable() {
        for (Path p : List.of(SSH_AGENT, SSH_ADD, Path.of("/usr/bin/ssh-keygen"))) {
            if (!Files.isExecutable(p)) return Optional.of(p + " is missing (apt-get install openssh-client; .ci/run does)");
        }
        return Optional.empty();
    }

    /** An agent listening on {@code socket} (which must not exist yet), holding no key. */
    static OpenSshAgent start(Path socket) throws IOException {
        Path log = Path.of(socket + ".log");
        Process p = new ProcessBuilder(SSH_AGENT.toString(), "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket) && p.isAlive() && System.nanoTime() < deadline) sleep(10);
        if (!Files.exists(socket)) {
            p.destroyForcibly();
            throw new IOException("ssh-agent did not create " + socket + ": " + Files.readString(log));
        }
        return new OpenSshAgent(p, socket);
    }

    Path socket() {
        return socket;
    }

    /** {@code ssh-add KEY}, the way an operator loads a key. */
    void add(Path key) throws IOException {
        run(socket, List.of(SSH_ADD.toString(), key.toString()));
    }

    /** A key pair from ssh-keygen of {@code type} (ed25519, rsa, ecdsa): {@code dir/name} and {@code dir/name.pub}. */
    static Path keygen(Path dir, String name, String type) throws IOException {
        Files.createDirectories(dir);
        Path key = dir.resolve(name);
        run(null, List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", key.toString()));
        return key;
    }

    /** Puts a passphrase on a private key file, in place (ssh-keygen -p). */
    static void encrypt(Path key, String passphrase) throws IOException {
        run(null, List.of("ssh-keygen", "-q", "-p", "-N", passphrase, "-P", "", "-f", key.toString()));
    }

    /** The SHA256 fingerprint sshd logs for a key, from ssh-keygen. */
    static String fingerprint(Path key) throws IOException {
        return run(null, List.of("ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub")).split("\\s+")[1];
    }

    private static String run(Path socket, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (socket != null) pb.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(command + " failed: " + out);
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
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
