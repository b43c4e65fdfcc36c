package dev.ktriage.lab;

import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.engine.StepStatus;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.Rule;
import dev.ktriage.playbook.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the scenarios of a plugin (or a playbook folder) reach of its playbooks, as the union over
 * every scenario that ran: the steps walked, the rules that fired, the branches taken (each rule's
 * {@code goto}, {@code handoff} or end, and each step's {@code onFailure}), and the diagnoses
 * reached. A step of a playbook handed to counts toward that playbook.
 *
 * <p>Names: a step is its id, a step of a forEach group {@code STEP[]/INNER}; a rule is
 * {@code STEP#N}, N its position among the step's rules from 1.
 */
public final class Coverage {

    /** A rule of a step: where it stands, its finding (or null), and where it goes. */
    public record RuleRef(String id, String step, int position, String finding, String to) {

        /** {@code STEP#N (finding) -> TO}, as the text report writes it. */
        public String describe() {
            return id + (finding == null ? "" : " (" + finding + ")") + " -> " + to;
        }
    }

    /** A way out of a step: a rule's target ({@code from} the rule) or the step's onFailure ({@code from} "STEP onFailure"). */
    public record Branch(String from, String to) {

        public boolean onFailure() {
            return from.endsWith(" onFailure");
        }

        public String describe() {
            return from + " -> " + to;
        }
    }

    /** What the scenarios reached of one playbook: for each kind, everything there is, in playbook order, and what was reached. */
    public record Report(String playbook, int scenarios, List<String> steps, Set<String> reachedSteps, List<RuleRef> rules,
                         Set<String> reachedRules, List<Branch> branches, Set<Branch> reachedBranches, List<String> diagnoses,
                         Set<String> reachedDiagnoses) {

        public List<String> unreachedSteps() {
            return steps.stream().filter(s -> !reachedSteps.contains(s)).toList();
        }

        public List<RuleRef> unreachedRules() {
            return rules.stream().filter(r -> !reachedRules.contains(r.id())).toList();
        }

        public List<Branch> unreachedBranches() {
            return branches.stream().filter(b -> !reachedBranches.contains(b)).toList();
        }

        public List<String> unreachedDiagnoses() {
            return diagnoses.stream().filter(d -> !reachedDiagnoses.contains(d)).toList();
        }

        /** {@code steps 5/6, rules 9/10, branches 10/12, diagnoses 2/2}. */
        public String figure() {
            return "steps " + reachedSteps.size() + "/" + steps.size() + ", rules " + reachedRules.size() + "/" + rules.size()
                    + ", branches " + reachedBranches.size() + "/" + branches.size() + ", diagnoses " + reachedDiagnoses.size() + "/"
                    + diagnoses.size();
        }
    }

    /** Everything one playbook has that a scenario can reach, and what the runs so far reached of it. */
    private static final class Tally {
        final Playbook playbook;
        final List<String> steps = new ArrayList<>();
        final List<RuleRef> rules = new ArrayList<>();
        final List<Branch> branches = new ArrayList<>();
        final Set<String> reachedSteps = new HashSet<>();
        final Set<String> reachedRules = new HashSet<>();
        final Set<Branch> reachedBranches = new HashSet<>();
        final Set<String> reachedDiagnoses = new HashSet<>();
        int scenarios;

        Tally(Playbook playbook) {
            this.playbook = playbook;
            list(playbook.steps(), "", false);
        }

        private void list(Map<String, Step> scope, String prefix, boolean group) {
            for (Step s : scope.values()) {
                String path = prefix + s.id();
                steps.add(path);
                if (s.forEach() != null) list(s.forEach().steps(), path + "[]/", true);
                for (int i = 0; i < s.rules().size(); i++) {
                    RuleRef r = rule(path, i + 1, s.rules().get(i), group);
                    rules.add(r);
                    branches.add(new Branch(r.id(), r.to()));
                }
                if (s.onFailure() != null) branches.add(new Branch(path + " onFailure", "goto " + s.onFailure()));
            }
        }

        Report report() {
            return new Report(playbook.id(), scenarios, List.copyOf(steps), Set.copyOf(reachedSteps), List.copyOf(rules),
                    Set.copyOf(reachedRules), List.copyOf(branches), Set.copyOf(reachedBranches),
                    List.copyOf(playbook.diagnoses().keySet()), Set.copyOf(reachedDiagnoses));
        }
    }

    /** Where the engine goes when the rule fires (a step in a forEach group cannot hand off; there an end ends the item). */
    static RuleRef rule(String stepPath, int position, Rule r, boolean group) {
        String to;
        if (r.handoff() != null && !group) to = "handoff " + r.handoff().playbook();
        else if (r.end() || r.gotoStep() == null) to = r.healthy() ? "end (healthy)" : "end";
        else to = "goto " + r.gotoStep();
        return new RuleRef(stepPath + "#" + position, stepPath, position, r.finding(), to);
    }

    private final PlaybookCatalog catalog;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private int runs;

    /** @param playbooks the playbooks to report on, in this order; what runs reach of others is not counted */
    public Coverage(PlaybookCatalog catalog, List<String> playbooks) {
        this.catalog = catalog;
        for (String id : playbooks) tallies.put(id, new Tally(catalog.require(id)));
    }

    /** Counts what one scenario's session reached; {@code playbook} is the one it ran. */
    public void add(String playbook, SessionResult result) {
        runs++;
        Playbook first = catalog.require(playbook);
        List<StepRecord> steps = result.steps();
        Set<String> touched = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            StepRecord s = steps.get(i);
            Optional<Where> w = resolve(first, first.steps(), "", s.id());
            if (w.isEmpty()) continue;
            Tally t = tallies.get(w.get().playbook().id());
            if (t == null) continue;
            touched.add(t.playbook.id());
            Step step = w.get().step();
            t.reachedSteps.add(w.get().path());
            Integer position = s.rule();
            if (position == null && s.status() == StepStatus.DONE && s.finding() != null) {
                // a record that does not say which rule fired (read from an older transcript): the first with its finding
                for (int k = 0; k < step.rules().size() && position == null; k++) {
                    if (s.finding().equals(step.rules().get(k).finding())) position = k + 1;
                }
            }
            if (position != null && position >= 1 && position <= step.rules().size()) {
                RuleRef r = rule(w.get().path(), position, step.rules().get(position - 1), w.get().path().contains("[]/"));
                t.reachedRules.add(r.id());
                t.reachedBranches.add(new Branch(r.id(), r.to()));
            }
            if (s.status() == StepStatus.INCONCLUSIVE && step.onFailure() != null && i + 1 < steps.size()) {
                // the engine went on to onFailure when the next step it walked is that one, in the same scope
                String expected = s.id().substring(0, s.id().length() - step.id().length()) + step.onFailure();
                String next = steps.get(i + 1).id();
                if (next.equals(expected) || next.startsWith(expected + "[")) {
                    t.reachedBranches.add(new Branch(w.get().path() + " onFailure", "goto " + step.onFailure()));
                }
            }
        }
        for (Diagnosis d : result.diagnoses()) {
            Tally t = tallies.get(d.playbook());
            if (t != null && t.playbook.diagnoses().containsKey(d.id())) {
                t.reachedDiagnoses.add(d.id());
                touched.add(t.playbook.id());
            }
        }
        for (String id : touched) tallies.get(id).scenarios++;
    }

    /** How many sessions were counted. */
    public int runs() {
        return runs;
    }

    public List<Report> reports() {
        return tallies.values().stream().map(Tally::report).toList();
    }

    /** A step record's id resolved to the playbook and step it names, with the step's coverage name. */
    private record Where(Playbook playbook, String path, Step step) {
    }

    /**
     * Resolves {@code rest} within {@code scope}: {@code PLAYBOOK/...} for a handoff (the engine's
     * prefix), {@code STEP[ITEM]/...} for a step of a forEach group, else a step id. An item's label
     * may hold {@code ]/}: the first split whose remainder names a step of the group wins.
     */
    private Optional<Where> resolve(Playbook playbook, Map<String, Step> scope, String prefix, String rest) {
        int slash = rest.indexOf('/');
        int bracket = rest.indexOf('[');
        int i = slash < 0 ? bracket : bracket < 0 ? slash : Math.min(slash, bracket);
        if (i < 0) {
            Step s = scope.get(rest);
            return s == null ? Optional.empty() : Optional.of(new Where(playbook, prefix + rest, s));
        }
        String head = rest.substring(0, i);
        if (i == slash) {
            if (!prefix.isEmpty()) return Optional.empty(); // no handoff from inside a forEach
            Optional<Playbook> other = catalog.find(head);
            return other.flatMap(p -> resolve(p, p.steps(), "", rest.substring(i + 1)));
        }
        Step s = scope.get(head);
        if (s == null || s.forEach() == null) return Optional.empty();
        for (int j = rest.indexOf("]/", i); j >= 0; j = rest.indexOf("]/", j + 1)) {
            Optional<Where> w = resolve(playbook, s.forEach().steps(), prefix + head + "[]/", rest.substring(j + 2));
            if (w.isPresent()) return w;
        }
        return Optional.empty();
    }
}
