package dev.ktriage.engine;

import dev.ktriage.playbook.Rule;
import java.util.List;
import java.util.Map;

/**
 * What a step concluded from its evidence: the values it extracted, the rule that fired (null when
 * none held), the evidence lines behind it, and the findings ruled out on the way.
 *
 * @param excluded  the rules tried before the one that fired whose conditions did not hold, with why
 * @param unavailable why no rule could be decided: the first rule that needed a value that was not
 *                    there (version 2); null when the rules were decided
 */
public record Decision(Map<String, Object> extracted, Rule fired, String says, List<String> quotes, List<String> ruledOut,
                       String unavailable, List<Exclusion> excluded) {

    public Decision {
        excluded = List.copyOf(excluded);
    }

    static Decision unavailable(Map<String, Object> extracted, String reason, List<String> ruledOut, List<Exclusion> excluded) {
        return new Decision(extracted, null, "", List.of(), ruledOut, reason, excluded);
    }
}
