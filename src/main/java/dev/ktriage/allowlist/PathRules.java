package dev.ktriage.allowlist;

import java.util.ArrayList;
import java.util.List;

/**
 * Which node files a read-only command may open. Paths are checked as written (absolute, no
 * {@code ..}), against the roots where node facts live and against the files that hold secrets.
 * A secret is refused outright; a kubeconfig may only be read whole, and its output goes through
 * {@link KubeconfigReader} before anything records or shows it.
 *
 * <p>Checked lexically: a symlink on the node that points at a secret is not seen here. The
 * redactor still removes what such files hold (hashes, private keys, tokens) from every answer.
 */
public final class PathRules {

    /** Where a command may read file contents. Metadata (ls, stat, find) may look anywhere. */
    static final List<String> READ_ROOTS = List.of("/etc", "/proc", "/sys", "/run", "/var/run", "/var/log",
            "/var/lib/kubelet", "/var/lib/cni", "/var/lib/calico", "/var/lib/rancher", "/usr/lib", "/usr/local/lib",
            "/lib", "/home/kubernetes", "/opt/cni", "/boot");

    /** Files that hold secrets: never read, by any command. {@code *} is one path segment, {@code **} any. */
    static final List<String> SECRETS = List.of(
            "/etc/shadow", "/etc/shadow-", "/etc/gshadow", "/etc/gshadow-", "/etc/security/opasswd",
            "/etc/ssh/ssh_host_*_key", "/etc/ssh/*_key", "/root/.ssh/**", "/home/*/.ssh/**",
            "/etc/ssl/private/**", "/etc/pki/tls/private/**",
            "/etc/kubernetes/pki/**.key", "/var/lib/kubelet/pki/*.key",
            "/var/lib/kubelet/pki/*.pem", "/etc/kubernetes/encryption-config.yaml", "/etc/kubernetes/enc/**",
            "/var/lib/kubelet/pods/**", "/var/lib/kubelet/config.json", "/root/.docker/**", "/root/.aws/**",
            "/var/lib/rancher/k3s/server/**", "/var/lib/rancher/k3s/agent/**.key",
            "/run/secrets/**", "/var/run/secrets/**", "/run/containerd/**/rootfs/**", "/run/k3s/containerd/**/rootfs/**",
            "/proc/kcore", "/proc/*/environ", "/proc/*/task/*/environ", "/proc/*/mem", "/proc/*/task/*/mem",
            "/proc/*/root/**", "/proc/*/task/*/root/**", "/proc/*/cwd/**", "/proc/*/fd/**", "/proc/*/map_files/**");

    /** Files whose read takes what it reads away from others: the kernel log's reader, the trace pipe. */
    static final List<String> CONSUMED_BY_READING = List.of("/proc/kmsg", "/sys/kernel/tracing/trace_pipe",
            "/sys/kernel/debug/tracing/trace_pipe", "/sys/kernel/tracing/per_cpu/*/trace_pipe*",
            "/sys/kernel/debug/tracing/per_cpu/*/trace_pipe*");

    /** Kubeconfigs, which embed client keys and tokens: read only whole, through {@link KubeconfigReader}. */
    static final List<String> KUBECONFIGS = List.of(
            "/etc/kubernetes/admin.conf", "/etc/kubernetes/super-admin.conf", "/etc/kubernetes/kubelet.conf",
            "/etc/kubernetes/controller-manager.conf", "/etc/kubernetes/scheduler.conf",
            "/etc/kubernetes/bootstrap-kubelet.conf", "/var/lib/kubelet/kubeconfig", "/var/lib/kubelet/bootstrap-kubeconfig",
            "/etc/rancher/k3s/k3s.yaml", "/etc/cni/net.d/*kubeconfig*", "/root/.kube/**", "/home/*/.kube/**");

    /** What reading a path takes. */
    enum Access { OPEN, KUBECONFIG, SECRET, CONSUMED }

    private PathRules() {
    }

    /** Why {@code path} is not a well-formed absolute node path, or null. */
    static String malformed(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') return "not an absolute path";
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) return "a control character in the path";
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) return "'..' in the path";
        }
        return null;
    }

    /** The path without repeated, trailing or {@code .} separators: what the rules are matched on. */
    static String normal(String path) {
        StringBuilder b = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            b.append('/').append(segment);
        }
        return b.length() == 0 ? "/" : b.toString();
    }

    static Access access(String path) {
        String p = normal(path);
        if (SECRETS.stream().anyMatch(g -> matches(g, p))) return Access.SECRET;
        if (CONSUMED_BY_READING.stream().anyMatch(g -> matches(g, p))) return Access.CONSUMED;
        if (KUBECONFIGS.stream().anyMatch(g -> matches(g, p))) return Access.KUBECONFIG;
        return Access.OPEN;
    }

    static boolean underReadRoot(String path) {
        String p = normal(path);
        return READ_ROOTS.stream().anyMatch(r -> p.equals(r) || p.startsWith(r + "/"));
    }

    /** Whether a recursive read of {@code dir} could reach a secret or a kubeconfig below it. */
    static boolean treeHoldsSecrets(String dir) {
        String d = normal(dir);
        List<String> guarded = new ArrayList<>(SECRETS);
        guarded.addAll(KUBECONFIGS);
        return guarded.stream().anyMatch(g -> couldContain(d, g));
    }

    /** Glob match of a whole path: {@code *} within a segment, {@code **} across segments. */
    static boolean matches(String glob, String path) {
        return match(segments(glob), 0, segments(path), 0);
    }

    private static boolean match(List<String> g, int gi, List<String> p, int pi) {
        if (gi == g.size()) return pi == p.size();
        String seg = g.get(gi);
        if (seg.startsWith("**")) {
            String rest = seg.substring(2); // "**.key": any depth, last segment ending in .key
            if (rest.isEmpty()) {
                for (int k = pi; k <= p.size(); k++) if (match(g, gi + 1, p, k)) return true;
                return false;
            }
            // "**.key" stands last: any depth, the file name ending in ".key"
            return gi + 1 == g.size() && p.size() > pi && segmentMatches("*" + rest, p.get(p.size() - 1));
        }
        return pi < p.size() && segmentMatches(seg, p.get(pi)) && match(g, gi + 1, p, pi + 1);
    }

    /** Whether some path below {@code dir} (or {@code dir} itself) can match {@code glob}. */
    private static boolean couldContain(String dir, String glob) {
        List<String> d = segments(dir);
        List<String> g = segments(glob);
        for (int i = 0; i < d.size(); i++) {
            if (i >= g.size()) return false;
            if (g.get(i).startsWith("**")) return true;
            if (!segmentMatches(g.get(i), d.get(i))) return false;
        }
        return true;
    }

    static boolean segmentMatches(String glob, String segment) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') regex.append("[^/]*");
            else regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return segment.matches(regex.toString());
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) if (!s.isEmpty()) out.add(s);
        return out;
    }
}
