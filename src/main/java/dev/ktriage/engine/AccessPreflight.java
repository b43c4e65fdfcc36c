package dev.ktriage.engine;

import dev.ktriage.gateway.AccessCheck;
import dev.ktriage.gateway.AccessReviewer;
import dev.ktriage.gateway.AccessVerdict;
import dev.ktriage.playbook.Gather;
import dev.ktriage.playbook.Input;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.Rule;
import dev.ktriage.playbook.Step;
import dev.ktriage.playbook.lang.Text;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before a session starts: which of a playbook's cluster reads (and those of the playbooks it
 * hands off to) these credentials may not make, so the operator learns up front which steps will
 * be inconclusive for lack of which verb on which resource. Deriving the checks is a pure function
 * of the playbooks and inputs; the verdicts come from an {@link AccessReviewer}.
 */
public final class AccessPreflight {

    /**
     * A read one step makes.
     *
     * @param namespaceAtRunTime the namespace comes from evidence gathered earlier in the session, so
     *                           the check asks across all namespaces (stricter than the step needs)
     */
    public record Need(String playbook, String step, AccessCheck check, boolean namespaceAtRunTime) {
    }

    /** A step that will be inconclusive (denied) or may be (the review failed). */
    public record Gap(Need need, AccessVerdict verdict) {
        public String says() {
            return "step '" + stepRef() + "' " + consequence();
        }

        String stepRef() {
            return need.playbook() + "/" + need.step();
        }

        /** What follows the step(s): the same for every step of one check and verdict. */
        String consequence() {
            String what = verdict.denied() ? "will be inconclusive: not allowed to " : "may be inconclusive: could not check ";
            return what + need.check().describe()
                    + (verdict.reason() == null || verdict.reason().isBlank() ? "" : " (" + verdict.reason() + ")")
                    + "; ask for it, or check with: " + need.check().kubectl();
        }
    }

    /**
     * The gaps as an operator reads them: one line per missing right, naming the steps it leaves
     * inconclusive (the first three, and how many more), in the order the first step comes. A
     * session whose node steps all need the same pod rights gets two lines, not two per step.
     */
    public static List<String> lines(List<Gap> gaps) {
        Map<String, List<Gap>> byConsequence = new LinkedHashMap<>();
        for (Gap g : gaps) byConsequence.computeIfAbsent(g.consequence(), k -> new ArrayList<>()).add(g);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Gap>> e : byConsequence.entrySet()) {
            List<String> steps = e.getValue().stream().map(Gap::stepRef).distinct().toList();
            if (steps.size() == 1) {
                out.add("step '" + steps.get(0) + "' " + e.getKey());
                continue;
            }
            String named = String.join(", ", steps.stream().limit(3).map(st -> "'" + st + "'").toList());
            out.add(steps.size() + " steps (" + named + (steps.size() > 3 ? " and " + (steps.size() - 3) + " more" : "") + ") " + e.getKey());
        }
        return out;
    }

    private AccessPreflight() {
    }

    /** Reviews every distinct check once; the gaps come back in step order. */
    public static List<Gap> check(PlaybookCatalog catalog, String playbookId, Map<String, String> inputs,
                                  String defaultNamespace, AccessReviewer reviewer) {
        return check(catalog, playbookId, inputs, defaultNamespace, reviewer, List.of());
    }

    /** @param nodeStepNeeds what the node gateway asks of the API server for each node step (debug pods) */
    public static List<Gap> check(PlaybookCatalog catalog, String playbookId, Map<String, String> inputs,
                                  String defaultNamespace, AccessReviewer reviewer, List<AccessCheck> nodeStepNeeds) {
        Map<AccessCheck, AccessVerdict> verdicts = new LinkedHashMap<>();
        List<Gap> gaps = new ArrayList<>();
        for (Need n : needs(catalog, playbookId, inputs, defaultNamespace, nodeStepNeeds)) {
            AccessVerdict v = verdicts.computeIfAbsent(n.check(), reviewer::review);
            if (!Boolean.TRUE.equals(v.allowed())) gaps.add(new Gap(n, v));
        }
        return gaps;
    }

    /** Steps in file order, a forEach group's steps after the step that walks it. */
    private static List<Step> withGroups(java.util.Collection<Step> steps) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            out.add(s);
            if (s.forEach() != null) out.addAll(withGroups(s.forEach().steps().values()));
        }
        return out;
    }

    /** The reads of a playbook and of every playbook it can hand off to, in step order. */
    public static List<Need> needs(PlaybookCatalog catalog, String playbookId, Map<String, String> inputs, String defaultNamespace) {
        return needs(catalog, playbookId, inputs, defaultNamespace, List.of());
    }

    /** As above, each node step also needing {@code nodeStepNeeds} (how the node gateway reaches a node through the API server). */
    public static List<Need> needs(PlaybookCatalog catalog, String playbookId, Map<String, String> inputs, String defaultNamespace,
                                   List<AccessCheck> nodeStepNeeds) {
        List<Need> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(playbookId));
        Map<String, Object> vars = variables(catalog.require(playbookId), inputs, defaultNamespace);
        while (!todo.isEmpty()) {
            Playbook p = catalog.require(todo.removeFirst());
            if (!seen.add(p.id())) continue;
            for (Step s : withGroups(p.steps().values())) {
                if (s.gather() instanceof Gather.Cluster c) out.add(need(p.id(), s.id(), c, p.id().equals(playbookId) ? vars : Map.of(), defaultNamespace));
                if (s.gather() instanceof Gather.Node) {
                    for (AccessCheck c : nodeStepNeeds) out.add(new Need(p.id(), s.id(), c, false));
                }
                if (s.gather() instanceof Gather.Review) {
                    out.add(new Need(p.id(), s.id(), AccessCheck.resource("create", "subjectaccessreviews.authorization.k8s.io", null, null), false));
                }
                for (Rule r : s.rules()) {
                    if (r.handoff() != null) todo.addLast(r.handoff().playbook());
                }
            }
        }
        return out;
    }

    static Need need(String playbook, String step, Gather.Cluster c, Map<String, Object> vars, String defaultNamespace) {
        if (c.verb().equals("raw")) return raw(playbook, step, c.path(), vars);
        String ns = render(c.namespace(), vars);
        boolean atRunTime = c.namespace() != null && ns == null;
        // a get or logs without a namespace reads the default one; a list without one lists them all
        if (ns == null && !atRunTime && !c.verb().equals("list")) ns = defaultNamespace;
        AccessCheck check = switch (c.verb()) {
            case "logs" -> AccessCheck.resource("get", "pods", "log", ns);
            case "list" -> AccessCheck.resource("list", c.resource(), null, ns);
            default -> AccessCheck.resource("get", c.resource(), null, ns);
        };
        return new Need(playbook, step, check, atRunTime);
    }

    /** Node proxy, namespaced and cluster objects, subresources; anything else is a non-resource URL. */
    static Need raw(String playbook, String step, Text path, Map<String, Object> vars) {
        String rendered = render(path, vars);
        boolean atRunTime = rendered == null;
        // the shape of the path is enough: names do not change which permission it needs
        String p = rendered != null ? rendered : path.source().replaceAll("\\$\\{[^}]*}", "x");
        int q = p.indexOf('?');
        if (q >= 0) p = p.substring(0, q);
        String[] s = p.replaceAll("^/+", "").split("/");
        int at;
        String group;
        if (s.length >= 3 && s[0].equals("api")) {
            at = 2;
            group = "";
        } else if (s.length >= 4 && s[0].equals("apis")) {
            at = 3;
            group = s[1];
        } else {
            return new Need(playbook, step, AccessCheck.path("get", p.startsWith("/") ? p : "/" + p), false);
        }
        String ns = null;
        if (s.length > at + 2 && s[at].equals("namespaces")) {
            ns = s[at + 1];
            at += 2;
        }
        String resource = s[at] + (group.isEmpty() ? "" : "." + group);
        String sub = s.length > at + 2 ? s[at + 2] : null;
        return new Need(playbook, step, AccessCheck.resource("get", resource, sub, atRunTime && ns != null ? null : ns), atRunTime);
    }

    /** Null when the template needs values only the session will find. */
    private static String render(Text t, Map<String, Object> vars) {
        if (t == null) return null;
        try {
            String s = t.render(vars);
            return s.isBlank() || !t.variables().stream().allMatch(vars::containsKey) ? null : s;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The variables a session would start with, without asking anyone (missing inputs stay missing). */
    private static Map<String, Object> variables(Playbook p, Map<String, String> inputs, String defaultNamespace) {
        Map<String, Object> vars = new LinkedHashMap<>(inputs);
        for (Input in : p.inputs()) {
            String v = inputs.get(in.id());
            if (v == null || in.kind() != Input.Kind.POD) continue;
            vars.put(in.id(), Inputs.pod(v, defaultNamespace));
        }
        Inputs.putInputs(p, vars);
        return vars;
    }
}
