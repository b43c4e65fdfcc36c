package dev.ktriage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which {@code dev.ktriage} package refers to which, and the cycles among them. A package and its
 * sub-packages are distinct nodes: {@code dev.ktriage.ui} and {@code dev.ktriage.ui.tui} may each
 * depend on the other's neighbours, but not on each other both ways.
 */
final class PackageGraph {

    private final Map<String, Set<String>> edges = new TreeMap<>();

    /** The graph of every .java file under {@code sourceRoot}. */
    static PackageGraph of(Path sourceRoot) throws IOException {
        PackageGraph g = new PackageGraph();
        List<Path> files;
        try (Stream<Path> s = Files.walk(sourceRoot)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path f : files) {
            SourceReferences refs = SourceReferences.of(Files.readString(f));
            g.node(refs.pkg());
            for (String to : refs.packages()) g.add(refs.pkg(), to);
        }
        return g;
    }

    void node(String pkg) {
        edges.computeIfAbsent(pkg, k -> new TreeSet<>());
    }

    void add(String from, String to) {
        node(from);
        node(to);
        if (!from.equals(to)) edges.get(from).add(to);
    }

    Set<String> packages() {
        return Collections.unmodifiableSet(edges.keySet());
    }

    /**
     * One line per cycle, {@code a -> b -> a}: in every strongly connected component, the shortest
     * cycle through each of its packages (the same cycle found from two of them is told once), each
     * starting at its alphabetically first package. Empty when the packages form no cycle.
     */
    List<String> cycles() {
        Set<String> lines = new LinkedHashSet<>();
        for (Set<String> component : components()) {
            if (component.size() < 2) continue;
            for (String start : component) lines.add(String.join(" -> ", rotated(shortestCycle(start, component))));
        }
        return List.copyOf(lines);
    }

    /** Strongly connected components (Tarjan), each sorted, in the order of their first package. */
    private List<Set<String>> components() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) connect(v, index, low, stack, onStack, out);
        }
        out.sort((a, b) -> a.iterator().next().compareTo(b.iterator().next()));
        return out;
    }

    private void connect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                         Set<String> onStack, List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : edges.get(v)) {
            if (!index.containsKey(w)) {
                connect(w, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }

    /** Breadth first inside the component, so the path back to {@code start} is a shortest one. */
    private List<String> shortestCycle(String start, Set<String> component) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String w : edges.get(v)) {
                if (!component.contains(w)) continue;
                if (w.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String p = v; p != null; p = cameFrom.get(p)) path.add(0, p);
                    return path;
                }
                if (!cameFrom.containsKey(w) && !w.equals(start)) {
                    cameFrom.put(w, v);
                    queue.add(w);
                }
            }
        }
        throw new IllegalStateException(start + " is in a component but on no cycle");
    }

    /** The cycle from its alphabetically first package, closed: [b, a] becomes a -> b -> a. */
    private static List<String> rotated(List<String> cycle) {
        int first = cycle.indexOf(Collections.min(cycle));
        List<String> out = new ArrayList<>(cycle.subList(first, cycle.size()));
        out.addAll(cycle.subList(0, first));
        out.add(out.get(0));
        return out;
    }
}
