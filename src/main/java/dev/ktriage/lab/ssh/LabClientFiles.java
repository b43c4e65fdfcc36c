package dev.ktriage.lab.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;

/**
 * The files a client needs to reach the lab exactly as it reaches real nodes: a private key,
 * known_hosts pinning the lab's host key, and an ssh_config so a person can run
 * {@code ssh -F ssh_config node0 ...} with strict host key checking.
 */
record LabClientFiles(Path identity, Path knownHosts, Path sshConfig) {

    static LabClientFiles write(Path dir, int port, Ed25519Keys client, Ed25519Keys host, Collection<String> nodes)
            throws IOException {
        Files.createDirectories(dir);
        Path identity = dir.resolve("id_ed25519").toAbsolutePath();
        Files.deleteIfExists(identity);
        Files.createFile(identity, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(identity, client.privateKeyPem());
        Files.writeString(dir.resolve("id_ed25519.pub"), client.publicKeyLine() + " ktriage-lab\n");

        Path knownHosts = dir.resolve("known_hosts").toAbsolutePath();
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + host.publicKeyLine() + "\n");

        Path sshConfig = dir.resolve("ssh_config").toAbsolutePath();
        StringBuilder config = new StringBuilder("# ktriage lab: ssh -F ").append(sshConfig).append(" NODE COMMAND\n");
        for (String node : nodes) {
            config.append("Host ").append(node).append('\n')
                    .append("  HostName 127.0.0.1\n")
                    .append("  Port ").append(port).append('\n')
                    .append("  User ").append(node).append('\n')
                    .append("  IdentityFile \"").append(identity).append("\"\n")
                    .append("  IdentitiesOnly yes\n")
                    .append("  UserKnownHostsFile \"").append(knownHosts).append("\"\n")
                    .append("  GlobalKnownHostsFile /dev/null\n")
                    .append("  StrictHostKeyChecking yes\n")
                    .append("  PasswordAuthentication no\n")
                    .append("  BatchMode yes\n");
        }
        Files.writeString(sshConfig, config.toString());
        return new LabClientFiles(identity, knownHosts, sshConfig);
    }
}
