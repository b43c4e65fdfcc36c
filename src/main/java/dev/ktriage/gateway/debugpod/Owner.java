package dev.ktriage.gateway.debugpod;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who made a debug pod, written on it as annotations, so that a later ktriage on the same machine
 * can tell a pod it left behind (its process is gone: kill -9, a lost laptop lid) from one another
 * run is still using.
 */
public record Owner(String user, String host, long pid) {

    public static Owner current() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
        return new Owner(System.getProperty("user.name", "unknown"), host, ProcessHandle.current().pid());
    }

    /** user@host: the annotation ktriage.dev/owner. */
    public String who() {
        return user + "@" + host;
    }

    /** Whether the process that made a pod with these annotations is gone, as far as this machine can tell. */
    boolean leftBehind(String who, String pid) {
        if (!who().equals(who)) return false;
        try {
            long p = Long.parseLong(pid);
            return p != this.pid && ProcessHandle.of(p).map(h -> !h.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
