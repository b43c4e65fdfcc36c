package dev.ktriage.playbook;

import dev.ktriage.yaml.YamlException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need the whole playbook: targets exist, every step and every diagnosis is
 * reachable from the first step, no rule comes after one that always fires.
 */
final class PlaybookGraph {

    private final Playbook playbook;
    private final Set<String> diagnosed = new HashSet<>();

    PlaybookGraph(Playbook playbook) {
        this.playbook = playbook;
    }

    void check() {
        walk(playbook.steps(), false);
        for (DiagnosisSpec d : playbook.diagnoses().values()) {
            if (!diagnosed.contains(d.id())) throw new YamlException(d.at(), "diagnosis '" + d.id() + "' is reached by no rule of a reachable step");
        }
    }

    /** Checks one map of steps (the playbook's, or a forEach group's) and everything reachable in it. */
    private void walk(Map<String, Step> steps, boolean group) {
        for (Step s : steps.values()) {
            if (s.onFailure() != null && !steps.containsKey(s.onFailure())) {
                throw new YamlException(s.at(), "onFailure goes to unknown step '" + s.onFailure() + "'" + (group ? " in this forEach" : ""));
            }
            for (int i = 0; i < s.rules().size(); i++) {
                Rule r = s.rules().get(i);
                if (r.gotoStep() != null && !steps.containsKey(r.gotoStep())) {
                    throw new YamlException(r.at(), "goto unknown step '" + r.gotoStep() + "'" + (group ? " in this forEach" : ""));
                }
                if (group && r.handoff() != null) throw new YamlException(r.at(), "a step in a forEach cannot hand off to another playbook");
                if (group && r.healthy()) {
                    throw new YamlException(r.at(), "a step in a forEach cannot say healthy: its end ends one item's walk, not the session");
                }
                if (i > 0 && s.rules().get(i - 1).when() == null) {
                    throw new YamlException(r.at(), "this rule can never fire: the rule before it has no 'when' and always does");
                }
            }
        }
        Set<String> reached = new HashSet<>();
        Deque<Step> todo = new ArrayDeque<>();
        todo.add(steps.values().iterator().next());
        while (!todo.isEmpty()) {
            Step s = todo.pop();
            if (!reached.add(s.id())) continue;
            if (s.onFailure() != null) {
                todo.add(steps.get(s.onFailure()));
            }
            if (s.forEach() != null) walk(s.forEach().steps(), true);
            for (Rule r : s.rules()) {
                diagnosed.addAll(r.diagnose());
                if (r.gotoStep() != null) todo.add(steps.get(r.gotoStep()));
            }
        }
        for (Step s : steps.values()) {
            if (!reached.contains(s.id())) throw new YamlException(s.at(), "step '" + s.id() + "' is reached from no step");
        }
    }
}
