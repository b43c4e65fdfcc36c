package dev.ktriage.engine;

import dev.ktriage.playbook.Rule;
import java.util.List;
import java.util.Map;

/**
 * What a step concluded from its evidence: the values it extracted, the rule that fired (null when
 * none held), the evidence lines behind it, and the findings ruled out on the way.
 */
public record Decision(Map<String, Object> extracted, Rule fired, String says, List<String> quotes, List<String> ruledOut) {
}
