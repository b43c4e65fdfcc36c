package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys a login offers, in OpenSSH's order: the identity files' keys the ssh-agent holds
 * (signed by the agent), the agent's other keys, then the identity files it does not hold; a key
 * is offered once, however many places hold it (servers count every offer against MaxAuthTries). An agent
 * that cannot be reached, hangs or talks nonsense is left out (and not asked again by this
 * gateway): the identity files still get their turn. With IdentitiesOnly only the agent keys that
 * are one of the identity files (by its {@code .pub}) are offered, as OpenSSH does.
 */
final class LoginKeys {

    private final SshSettings settings;
    private final Map<Path, SshAgent> agents = new ConcurrentHashMap<>();

    LoginKeys(SshSettings settings) {
        this.settings = settings;
    }

    /**
     * What to try, in order, and what the agent contributed, for the refusal reason ("" when no
     * agent is configured). Never holds key material.
     */
    record Offer(List<AuthMethod> methods, String agentNote) {
    }

    Offer offer(SSHClient client, NodeAddress address) throws IOException, NodeFailure {
        List<Path> files = address.identityFiles().isEmpty() ? settings.identityFiles() : address.identityFiles();
        List<AuthMethod> methods = new ArrayList<>();
        Map<Path, byte[]> filePublicKeys = publicBlobs(files);
        List<byte[]> inAgent = new ArrayList<>();
        String note = fromAgent(agentSocket(address), address.agent() != null && address.agent().onlyIdentityFiles(), filePublicKeys,
                methods, inAgent);
        for (Path file : files) {
            if (!Files.isReadable(file)) continue;
            byte[] pub = filePublicKeys.get(file);
            if (pub != null && inAgent.stream().anyMatch(k -> java.util.Arrays.equals(k, pub))) continue; // the agent offers it
            try {
                methods.add(new AuthPublickey(client.loadKeys(file.toString())));
            } catch (IOException e) {
                // a format sshj cannot read is one key less, not a failed login: the others still get their turn
            }
        }
        if (methods.isEmpty()) {
            throw new NodeFailure(GatherStatus.REFUSED, "authentication failed for " + address.user() + "@"
                    + address.host() + ": no readable identity file among " + files + (note.isEmpty() ? "" : "; " + note));
        }
        return new Offer(methods, note);
    }

    /** The host's IdentityAgent, else the gateway's; null for none. */
    private Path agentSocket(NodeAddress address) {
        NodeAddress.AgentUse use = address.agent();
        if (use == null) return settings.agentSocket();
        if (!use.enabled()) return null;
        return use.socket() != null ? use.socket() : settings.agentSocket();
    }

    /** Adds the agent's usable keys to {@code methods} (and their blobs to {@code offeredBlobs}); says what the agent gave. */
    private String fromAgent(Path socket, boolean identitiesOnly, Map<Path, byte[]> filePublicKeys, List<AuthMethod> methods,
                             List<byte[]> offeredBlobs) {
        if (socket == null) return "";
        SshAgent agent = agents.computeIfAbsent(socket, s -> new SshAgent(s, settings.agentTimeout()));
        List<SshAgent.Identity> keys;
        try {
            keys = agent.identities();
        } catch (IOException e) {
            return e.getMessage();
        }
        List<SshAgent.Identity> usable = keys.stream().filter(AgentAuth::supports).toList();
        List<SshAgent.Identity> ordered = new ArrayList<>();
        for (byte[] file : filePublicKeys.values()) {
            usable.stream().filter(k -> k.sameKey(file) && !ordered.contains(k)).findFirst().ifPresent(ordered::add);
        }
        if (!identitiesOnly) usable.stream().filter(k -> !ordered.contains(k)).forEach(ordered::add);
        int offered = 0;
        for (SshAgent.Identity key : ordered) {
            methods.add(new AgentAuth(agent, key));
            offeredBlobs.add(key.blob());
            offered++;
        }
        String where = "ssh-agent at " + socket;
        if (offered > 0) return where + " offered " + offered + (offered == 1 ? " key" : " keys");
        if (keys.isEmpty()) return where + " holds no key";
        return where + " holds no usable key" + (identitiesOnly ? " among the identity files (IdentitiesOnly)" : "");
    }

    /** The identity files' public keys, from their {@code .pub} beside them (so an encrypted key needs no passphrase). */
    private static Map<Path, byte[]> publicBlobs(List<Path> files) {
        Map<Path, byte[]> out = new java.util.LinkedHashMap<>();
        for (Path file : files) {
            Path pub = Path.of(file + ".pub");
            try {
                String[] fields = Files.readString(pub, StandardCharsets.US_ASCII).strip().split("\\s+");
                if (fields.length >= 2) out.put(file, Base64.getDecoder().decode(fields[1]));
            } catch (IOException | IllegalArgumentException e) {
                // no public half beside it: that key is only offered from the file
            }
        }
        return out;
    }
}
