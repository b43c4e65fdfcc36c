package dev.ktriage.playbook;

import dev.ktriage.yaml.YamlException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/** The checks that need the whole playbook: targets exist, every diagnosis is reachable from the first step. */
final class PlaybookGraph {

    private final Playbook playbook;

    PlaybookGraph(Playbook playbook) {
        this.playbook = playbook;
    }

    void check() {
        for (Step s : playbook.steps().values()) {
            if (s.onFailure() != null && playbook.step(s.onFailure()).isEmpty()) {
                throw new YamlException(s.at(), "onFailure goes to unknown step '" + s.onFailure() + "'");
            }
            for (Rule r : s.rules()) {
                if (r.gotoStep() != null && playbook.step(r.gotoStep()).isEmpty()) {
                    throw new YamlException(r.at(), "goto unknown step '" + r.gotoStep() + "'");
                }
            }
        }
        Set<String> reached = new HashSet<>();
        Set<String> diagnosed = new HashSet<>();
        Deque<Step> todo = new ArrayDeque<>();
        todo.add(playbook.firstStep());
        while (!todo.isEmpty()) {
            Step s = todo.pop();
            if (!reached.add(s.id())) continue;
            if (s.gather() != null && s.onFailure() != null) playbook.step(s.onFailure()).ifPresent(todo::add);
            for (Rule r : s.rules()) {
                diagnosed.addAll(r.diagnose());
                if (r.gotoStep() != null) todo.add(playbook.steps().get(r.gotoStep()));
            }
        }
        for (DiagnosisSpec d : playbook.diagnoses().values()) {
            if (!diagnosed.contains(d.id())) throw new YamlException(d.at(), "diagnosis '" + d.id() + "' is reached by no rule of a reachable step");
        }
    }
}
