package dev.ktriage.ui;

import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.playbook.Input;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Values a front end can offer for a name the operator has to type: namespaces, nodes, pods, or
 * the objects of any resource, read through the cluster gateway (the same read-only path a playbook
 * uses) and remembered once read. A read that fails (forbidden, timeout) offers nothing and says
 * why in one line; it is not remembered, so the next ask tries again.
 */
public final class ClusterChoices {

    /** At most this many names per list: the server pages, ktriage never lists a whole big cluster. */
    static final int LIMIT = 500;

    /**
     * What the cluster offered.
     *
     * @param about  what was read ("pods in kube-system"), for the operator
     * @param values names, sorted; pods of a {@link Input.Kind#POD} input as NAMESPACE/NAME
     * @param note   null when the read worked; otherwise one line saying why there is nothing
     */
    public record Choices(String about, List<String> values, String note) {
        public Choices {
            values = List.copyOf(values);
        }

        public static Choices failed(String about, String note) {
            return new Choices(about, List.of(), note);
        }

        public boolean failed() {
            return note != null;
        }

        /**
         * The values that contain {@code typed} (any case), those that start with it first; all of
         * them when nothing is typed, none when one of them is exactly what is typed.
         */
        public List<String> matching(String typed) {
            String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) return values;
            if (values.contains(typed.strip())) return List.of();
            List<String> first = new ArrayList<>();
            List<String> then = new ArrayList<>();
            for (String v : values) {
                String l = v.toLowerCase(Locale.ROOT);
                if (l.startsWith(t)) first.add(v);
                else if (l.contains(t)) then.add(v);
            }
            first.addAll(then);
            return first;
        }
    }

    private final ClusterGateway cluster;
    private final Map<String, Choices> read = new ConcurrentHashMap<>();

    /** @param cluster null: a front end without a cluster; every list is then empty */
    public ClusterChoices(ClusterGateway cluster) {
        this.cluster = cluster;
    }

    /**
     * Which list an input takes: pods for a pod input, nodes for a node input, namespaces for a
     * text input named like one; null for any other input.
     */
    public static String listFor(Input input) {
        return switch (input.kind()) {
            case POD -> "pods";
            case NODE -> "nodes";
            case TEXT -> input.id().equalsIgnoreCase("namespace") || input.id().equalsIgnoreCase("ns") ? "namespaces" : null;
        };
    }

    /**
     * The read that answers what is typed into {@code input} so far, as a key: two calls with the
     * same key give the same choices, so a front end asks again only when the key changes. A pod
     * input reads the pods of the namespace typed before a '/', else the pods of all namespaces.
     */
    public static String keyFor(Input input, String typed) {
        String list = listFor(input);
        if (list == null) return null;
        if (input.kind() != Input.Kind.POD) return list;
        String ns = namespaceOf(typed);
        return ns == null ? "pods" : "pods@" + ns;
    }

    /** Blocking: the choices for what is typed into {@code input}; empty for an input that takes no list. */
    public Choices forInput(Input input, String typed) {
        String list = listFor(input);
        if (list == null) return new Choices("", List.of(), null);
        if (input.kind() != Input.Kind.POD) return names(list, null);
        String ns = namespaceOf(typed);
        if (ns != null) {
            Choices all = read.get(key("pods", null));
            // the all-namespaces list serves only when it is whole (under the limit); else ask for this namespace
            if (all != null && all.values().size() < LIMIT) {
                return new Choices("pods in " + ns, all.values().stream().filter(v -> v.startsWith(ns + "/")).toList(), null);
            }
            return qualifiedPods(ns);
        }
        Choices all = qualifiedPods(null);
        if (!all.failed()) return all;
        // Roles are often per namespace: offer the namespaces, the operator picks one and then its pods.
        Choices namespaces = names("namespaces", null);
        if (namespaces.failed()) return Choices.failed("pods", all.note() + "; type NAMESPACE/NAME");
        return new Choices("namespaces", namespaces.values().stream().map(n -> n + "/").toList(), all.note() + "; pick a namespace");
    }

    /**
     * {@link #forInput} on {@code executor}, waiting at most {@code wait}: a slow cluster never holds
     * up the operator, it offers nothing and says so.
     */
    public CompletableFuture<Choices> forInput(Input input, String typed, Executor executor, Duration wait) {
        String about = listFor(input) == null ? "" : listFor(input);
        return CompletableFuture.supplyAsync(() -> forInput(input, typed), executor)
                .completeOnTimeout(Choices.failed(about, "no answer from the cluster within " + seconds(wait)), wait.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> Choices.failed(about, "cannot read " + about + ": " + oneLine(e)));
    }

    /** Blocking: the names of {@code resource} in {@code namespace} (null: all namespaces, or cluster-scoped). */
    public Choices names(String resource, String namespace) {
        return remembered(key(resource, namespace), () -> list(resource, namespace, false));
    }

    private Choices qualifiedPods(String namespace) {
        return remembered(key("pods", namespace), () -> list("pods", namespace, true));
    }

    private Choices remembered(String key, java.util.function.Supplier<Choices> reader) {
        Choices known = read.get(key);
        if (known != null) return known;
        Choices fresh = reader.get();
        if (!fresh.failed()) read.put(key, fresh);
        return fresh;
    }

    private Choices list(String resource, String namespace, boolean qualified) {
        String about = resource + (namespace == null ? "" : " in " + namespace);
        if (cluster == null) return Choices.failed(about, "no cluster to read " + about + " from");
        ClusterAnswer a = cluster.query(new ClusterRequest.ListObjects(resource, namespace, null, null, LIMIT));
        if (a.status().isFailure()) return Choices.failed(about, "cannot list " + about + ": " + (a.reason() == null ? a.status() : a.reason()));
        if (a.body() == null || !a.body().path("items").isArray()) return Choices.failed(about, "cannot list " + about + ": no list in the answer (HTTP " + a.httpCode() + ")");
        List<String> out = new ArrayList<>();
        a.body().get("items").forEach(i -> {
            String name = i.path("metadata").path("name").asText("");
            String ns = i.path("metadata").path("namespace").asText("");
            if (!name.isEmpty()) out.add(qualified && !ns.isEmpty() ? ns + "/" + name : name);
        });
        out.sort(null);
        return new Choices(about, out, null);
    }

    private static String namespaceOf(String typed) {
        if (typed == null) return null;
        int slash = typed.indexOf('/');
        return slash <= 0 ? null : typed.substring(0, slash).strip();
    }

    private static String key(String resource, String namespace) {
        return resource + "@" + (namespace == null ? "*" : namespace);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    private static String oneLine(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String m = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
