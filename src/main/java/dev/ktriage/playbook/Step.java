package dev.ktriage.playbook;

import dev.ktriage.playbook.lang.Text;
import dev.ktriage.yaml.Location;
import java.util.List;

/**
 * One step: gather evidence (or ask the operator), extract values from it, then follow the first
 * rule whose condition holds.
 *
 * @param gather    what to read; null for a step that only asks or only decides
 * @param ask       a question for the operator; null when the step needs none
 * @param onFailure the step to go to when the gather fails (the step is inconclusive either way);
 *                  without it the session ends there, inconclusive, with the reason
 * @param lets      values computed after the extracts (version 2)
 * @param forEach   the group of steps this step walks per item, before its rules (version 2); null if none
 */
public record Step(
        String id,
        String title,
        Text explain,
        Gather gather,
        Question ask,
        List<Extract> extracts,
        List<Rule> rules,
        String onFailure,
        List<Let> lets,
        ForEach forEach,
        Location at) {
}
