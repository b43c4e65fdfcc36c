package dev.ktriage.gateway.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How ktriage reaches nodes over SSH.
 *
 * @param knownHosts        the OpenSSH known_hosts file host keys are checked against
 * @param identityFiles     private keys tried in order (OpenSSH or PEM format, no passphrase)
 * @param acceptNewHostKeys trust on first use: an unknown host's key is appended to known_hosts;
 *                          a changed key is refused either way
 * @param connectTimeout    bound on TCP connect and on each SSH handshake step
 * @param commandGrace      extra client-side wait beyond the remote {@code timeout N}, so a node
 *                          whose {@code timeout} did not fire still cannot hang a step
 * @param concurrency       how many nodes {@code runAll} talks to at once
 * @param agentSocket       the ssh-agent whose keys are offered before the identity files
 *                          (SSH_AUTH_SOCK for a live target); null for none
 */
public record SshSettings(Path knownHosts, List<Path> identityFiles, boolean acceptNewHostKeys,
                          Duration connectTimeout, Duration commandGrace, int concurrency, Path agentSocket) {

    /**
     * Nodes in flight at once: a node pool of up to 64 is read in one wave, so a slow answer is
     * waited for once, not once per wave. Each node in flight holds a few threads and a socket.
     */
    public static final int DEFAULT_CONCURRENCY = 64;

    public SshSettings {
        Objects.requireNonNull(knownHosts, "knownHosts");
        identityFiles = List.copyOf(identityFiles);
        if (connectTimeout.isNegative() || connectTimeout.isZero()) throw new IllegalArgumentException("connectTimeout must be positive");
        if (commandGrace.isNegative()) throw new IllegalArgumentException("commandGrace must not be negative");
        if (concurrency <= 0) throw new IllegalArgumentException("concurrency must be positive");
    }

    public SshSettings(Path knownHosts, List<Path> identityFiles, boolean acceptNewHostKeys,
                       Duration connectTimeout, Duration commandGrace, int concurrency) {
        this(knownHosts, identityFiles, acceptNewHostKeys, connectTimeout, commandGrace, concurrency, null);
    }

    public SshSettings(Path knownHosts, List<Path> identityFiles, boolean acceptNewHostKeys,
                       Duration connectTimeout, Duration commandGrace) {
        this(knownHosts, identityFiles, acceptNewHostKeys, connectTimeout, commandGrace, DEFAULT_CONCURRENCY);
    }

    /** The same settings with the ssh-agent at {@code socket} (null: none). */
    public SshSettings withAgent(Path socket) {
        return new SshSettings(knownHosts, identityFiles, acceptNewHostKeys, connectTimeout, commandGrace, concurrency, socket);
    }

    /**
     * Bound on each exchange with the agent: a local agent answers in milliseconds, a hardware key
     * may wait for a touch; a hung one must not cost more than a handshake step.
     */
    Duration agentTimeout() {
        Duration most = Duration.ofSeconds(5);
        return connectTimeout.compareTo(most) < 0 ? connectTimeout : most;
    }
}
