package dev.ktriage.gateway.node;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;

/**
 * Host key checking against an OpenSSH known_hosts file, for one connection to one node. Remembers
 * why it refused, so the operator gets the node and the fingerprint rather than sshj's generic
 * "could not verify". With accept-new, an unknown host is appended (once, even when many nodes
 * share an address as in the lab); a changed key is always refused.
 */
final class KnownHostsCheck extends OpenSSHKnownHosts {

    private final String who;
    private final boolean acceptNew;
    private final Object fileLock;
    private volatile String refusal;

    /** @param who the host as the operator knows it: "node NAME" or "jump host NAME" */
    KnownHostsCheck(File knownHosts, String who, boolean acceptNew, Object fileLock) throws IOException {
        super(knownHosts);
        this.who = who;
        this.acceptNew = acceptNew;
        this.fileLock = fileLock;
    }

    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
        if (!acceptNew) {
            refusal = "host key of " + who + " (" + hostname + ", " + describe(key) + ") is not in "
                    + getFile() + "; add it, or allow accepting new host keys";
            return false;
        }
        synchronized (fileLock) {
            try {
                // Another connection may have added it meanwhile: read the file again before appending.
                OpenSSHKnownHosts current = new OpenSSHKnownHosts(getFile());
                for (KnownHostEntry e : current.entries()) {
                    if (e.appliesTo(KeyType.fromKey(key), hostname)) {
                        if (e.verify(key)) return true;
                        return hostKeyChangedAction(hostname, key);
                    }
                }
                File parent = getFile().getAbsoluteFile().getParentFile();
                if (parent != null) Files.createDirectories(parent.toPath());
                HostEntry entry = new HostEntry(null, hostname, KeyType.fromKey(key), key);
                write(entry);
                entries().add(entry);
                return true;
            } catch (IOException e) {
                refusal = "host key of " + who + " (" + hostname + ") could not be added to " + getFile() + ": " + e.getMessage();
                return false;
            }
        }
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
        refusal = "HOST KEY MISMATCH for " + who + " at " + hostname + ": it presented " + describe(key)
                + ", which " + getFile() + " does not list for it; possible man-in-the-middle, not connecting";
        return false;
    }

    /** The OpenSSH form, {@code ssh-ed25519 SHA256:...}, so it can be compared with ssh-keygen -lf. */
    static String describe(PublicKey key) {
        try {
            byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return KeyType.fromKey(key) + " SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
