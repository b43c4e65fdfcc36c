package dev.ktriage.lab.ssh;

import dev.ktriage.lab.scenario.NodeSpec;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lab's nodes behind one in-process SSH server on 127.0.0.1: the SSH user name selects the
 * node ({@code node0} answers as nodes/node0.yaml). Clients reach it with the same sshj code and
 * the same host key checking they use for real nodes. Nothing received is ever executed.
 */
public final class LabSshServer implements AutoCloseable, dev.ktriage.lab.scenario.NodeAnswers {

    private final SshServer server;
    private final LabNodes nodes;
    private final LabClientFiles files;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService writers;

    private LabSshServer(SshServer server, LabNodes nodes, LabClientFiles files,
                         ScheduledExecutorService scheduler, ExecutorService writers) {
        this.server = server;
        this.nodes = nodes;
        this.files = files;
        this.scheduler = scheduler;
        this.writers = writers;
    }

    /** Starts the server on a free port and writes id_ed25519, known_hosts and ssh_config into {@code workDir}. */
    public static LabSshServer start(Map<String, NodeSpec> nodes, Path workDir) throws IOException {
        LabNodes lab = new LabNodes(nodes);
        Ed25519Keys hostKey = Ed25519Keys.generate();
        Ed25519Keys clientKey = Ed25519Keys.generate();

        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("lab-ssh-delay"));
        ExecutorService writers = Executors.newCachedThreadPool(daemon("lab-ssh-reply"));
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        // Nagle off: the server's small packets (key exchange, login, a reply's data, exit status,
        // EOF, close) go out at once instead of each waiting for the client's delayed ACK of the one before
        CoreModuleProperties.TCP_NODELAY.set(sshd, true);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey.keyPair()));
        sshd.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        sshd.setPublickeyAuthenticator(new LabLogin(lab.specs(), clientKey.publicKeyLine()));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setGSSAuthenticator(null);
        sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        // no shell and no subsystems: exec requests are the only thing a lab node serves
        sshd.setShellFactory(null);
        sshd.setSubsystemFactories(List.of());

        sshd.setCommandFactory((channel, line) -> new LabCommand(line, lab, scheduler, writers));
        try {
            sshd.start();
            LabClientFiles files = LabClientFiles.write(workDir, sshd.getPort(), clientKey, hostKey, lab.specs().keySet());
            return new LabSshServer(sshd, lab, files, scheduler, writers);
        } catch (IOException | RuntimeException e) {
            sshd.stop(true);
            scheduler.shutdownNow();
            writers.shutdownNow();
            throw e;
        }
    }

    public int port() {
        return server.getPort();
    }

    public Path knownHostsFile() {
        return files.knownHosts();
    }

    public Path identityFile() {
        return files.identity();
    }

    public Path sshConfigFile() {
        return files.sshConfig();
    }

    /** The node names served, sorted. */
    @Override
    public boolean has(String node) {
        return nodes.specs().containsKey(node);
    }

    /** What the node answers to a command line, as over SSH (counted, and listed when unanswered). */
    @Override
    public java.util.Optional<Reply> run(String node, String commandLine) {
        if (!nodes.specs().containsKey(node)) return java.util.Optional.empty();
        NodeReply r = nodes.answer(node, commandLine);
        return java.util.Optional.of(new Reply(r.stdout(), r.stderr(), r.exit(), !r.unanswered(), r.delayMs()));
    }

    /** The node answers as {@code now} from the next command on. */
    public void changeNode(String node, NodeSpec now) {
        nodes.change(node, now);
    }

    public List<String> nodes() {
        return List.copyOf(nodes.specs().keySet());
    }

    /** Commands that fell through to exit 127, as "node: command line", each once, in the order first seen. */
    public List<String> unansweredCommands() {
        return nodes.unanswered();
    }

    /** Every exec request received, answered or not. */
    public int commandCount() {
        return nodes.commandCount();
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            scheduler.shutdownNow();
            writers.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
