package dev.ktriage.engine;

import dev.ktriage.playbook.Extract;
import dev.ktriage.playbook.Rule;
import dev.ktriage.playbook.Step;
import dev.ktriage.spi.Extracted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evidence in, decision out. A pure function: it reads no clock and calls no client, so a decision
 * made live and the same decision made from a transcript are the same.
 */
public final class StepDecider {

    private StepDecider() {
    }

    public static Decision decide(Step step, Evidence evidence) {
        Map<String, Object> vars = new HashMap<>(evidence.variables());
        // found: a cluster object or body came back (not 404 or another error), or a node command exited 0.
        int code = evidence.code();
        vars.put("found", evidence.json() != null ? code < 400 : code == 0 || (code >= 200 && code < 400));
        vars.put("code", code);
        vars.put("output", evidence.text());
        Map<String, Object> extracted = new LinkedHashMap<>();
        Map<String, List<String>> quotes = new HashMap<>();
        for (Extract x : step.extracts()) {
            Evidence view = new Evidence(evidence.status(), evidence.reason(), evidence.text(), evidence.json(),
                    evidence.code(), evidence.command(), vars);
            Extracted e = x.compiled().extract(view);
            vars.put(x.name(), e.value());
            extracted.put(x.name(), e.value());
            quotes.put(x.name(), e.quotes());
        }
        List<String> ruledOut = new ArrayList<>();
        for (Rule r : step.rules()) {
            if (r.when() == null || r.when().holds(vars)) {
                Set<String> used = new LinkedHashSet<>();
                if (r.when() != null) used.addAll(r.when().variables());
                used.addAll(r.says().variables());
                Set<String> lines = new LinkedHashSet<>();
                for (String v : used) lines.addAll(quotes.getOrDefault(v, List.of()));
                return new Decision(extracted, r, r.says().render(vars), List.copyOf(lines), ruledOut);
            }
            if (r.finding() != null) ruledOut.add(r.finding());
        }
        return new Decision(extracted, null, "", List.of(), ruledOut);
    }
}
