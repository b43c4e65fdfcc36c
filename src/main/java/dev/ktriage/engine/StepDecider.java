package dev.ktriage.engine;

import dev.ktriage.playbook.Extract;
import dev.ktriage.playbook.Gather;
import dev.ktriage.playbook.Let;
import dev.ktriage.playbook.Rule;
import dev.ktriage.playbook.Step;
import dev.ktriage.playbook.lang.Absent;
import dev.ktriage.playbook.lang.Unavailable;
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
 *
 * <p>The answer is {@code response} ({@code ok} when a node exited with a code the
 * gather accepts, or the API answered without an error), the step's extracts and lets only from an
 * answer that is ok (otherwise each is absent with the reason), and rules that stop at the first one
 * that needs a value that is not there: the step is then inconclusive with the reason, never decided
 * by a later rule on a guess.
 */
public final class StepDecider {

    private StepDecider() {
    }

    /** The step's values from its evidence: {@code response}, its extracts and its lets; its rules are not decided. */
    public static Map<String, Object> values(Step step, Evidence evidence) {
        return read(step, evidence).vars();
    }

    /** What the step read: every variable after it, the ones it set, and the evidence lines behind each. */
    private record Read(Map<String, Object> vars, Map<String, Object> extracted, Map<String, List<String>> quotes) {
    }

    private static Read read(Step step, Evidence evidence) {
        Map<String, Object> vars = new HashMap<>(evidence.variables());
        String notOk = response(step, evidence, vars);
        Map<String, Object> extracted = new LinkedHashMap<>();
        Map<String, List<String>> quotes = new HashMap<>();
        for (Extract x : step.extracts()) {
            if (notOk != null) {
                put(vars, extracted, x.name(), new Absent(notOk));
                continue;
            }
            Extracted e = x.reading().read(evidence.withVariables(vars));
            put(vars, extracted, x.name(), e.value());
            quotes.put(x.name(), e.quotes());
        }
        // what reads the answer: the step's extracts, and lets computed from response or from them
        Set<String> fromAnswer = new java.util.HashSet<>();
        for (Extract x : step.extracts()) fromAnswer.add(x.name());
        for (Let let : step.lets()) {
            Set<String> reads = let.value().variables();
            boolean readsAnswer = reads.contains("response") || reads.stream().anyMatch(fromAnswer::contains);
            if (readsAnswer) fromAnswer.add(let.name());
            Object value;
            if (notOk != null && readsAnswer) {
                value = new Absent(notOk);
            } else {
                try {
                    value = let.value().value(vars);
                } catch (Unavailable u) {
                    value = new Absent(u.getMessage());
                }
            }
            put(vars, extracted, let.name(), value);
            // a value computed from extracts rests on their evidence lines; text taken from the
            // answer itself (event messages out of a JSON body) is evidence of its own
            Set<String> lines = new LinkedHashSet<>();
            for (String v : reads) lines.addAll(quotes.getOrDefault(v, List.of()));
            if (readsAnswer) lines.addAll(texts(value));
            if (!lines.isEmpty()) quotes.put(let.name(), List.copyOf(lines));
        }
        return new Read(vars, extracted, quotes);
    }

    public static Decision decide(Step step, Evidence evidence) {
        Read read = read(step, evidence);
        Map<String, Object> vars = read.vars();
        Map<String, Object> extracted = read.extracted();
        Map<String, List<String>> quotes = read.quotes();
        List<String> ruledOut = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (int i = 0; i < step.rules().size(); i++) {
            Rule r = step.rules().get(i);
            boolean holds;
            String says;
            try {
                holds = r.when() == null || r.when().holds(vars);
                says = holds ? r.says().render(vars) : null;
            } catch (Unavailable u) {
                return Decision.unavailable(extracted, u.getMessage(), ruledOut, excluded);
            }
            if (holds) {
                Set<String> used = new LinkedHashSet<>();
                if (r.when() != null) used.addAll(r.when().variables());
                used.addAll(r.says().variables());
                Set<String> lines = new LinkedHashSet<>();
                for (String v : used) lines.addAll(quotes.getOrDefault(v, List.of()));
                return new Decision(extracted, r, says, List.copyOf(lines), ruledOut, null, excluded);
            }
            if (r.finding() != null) ruledOut.add(r.finding());
            excluded.add(new Exclusion(step.id(), r.finding() != null ? r.finding() : "rule " + (i + 1), r.when().source(), because(r, vars)));
        }
        return new Decision(extracted, null, "", List.of(), ruledOut, null, excluded);
    }

    /** The playbook's words for why an alternative does not apply, with this session's values; null when it has none or they cannot be had. */
    private static String because(Rule r, Map<String, Object> vars) {
        if (r.excludedSays() == null) return null;
        try {
            String said = r.excludedSays().render(vars).strip();
            return said.isEmpty() ? null : said;
        } catch (Unavailable u) {
            return null; // "its condition did not hold" is still true
        }
    }

    /**
     * Lines of text taken from the answer, as evidence: a string, or each string of a list, that
     * reads as a line (a name, a path or a number alone is a value, not evidence to quote).
     */
    private static List<String> texts(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            if (s.strip().contains(" ")) out.addAll(s.lines().toList());
        } else if (value instanceof List<?> l) {
            for (Object o : l) if (o instanceof String s && s.strip().contains(" ")) out.addAll(s.lines().toList());
        }
        return out;
    }

    private static void put(Map<String, Object> vars, Map<String, Object> extracted, String name, Object value) {
        vars.put(name, value);
        extracted.put(name, value);
    }

    /**
     * Puts {@code response} in {@code vars}; returns why the answer is not one to read values from
     * (an exit code the gather does not accept, an API error), or null when it is.
     */
    private static String response(Step step, Evidence evidence, Map<String, Object> vars) {
        if (step.gather() == null) {
            vars.remove("response");
            return null;
        }
        Map<String, Object> r = new LinkedHashMap<>(evidence.facts());
        int code = evidence.code();
        String notOk = null;
        if (step.gather() instanceof Gather.Node n) {
            boolean fanOut = r.containsKey("answered");
            boolean ok = fanOut || n.accept() == null || n.accept().contains(code);
            r.put("found", fanOut || code == 0);
            r.put("ok", ok);
            if (!ok) notOk = "`" + evidence.command() + "` exited " + code + GatherRunner.firstLine((String) r.get("stderr"));
        } else {
            boolean found = code < 400;
            boolean ok = found || code == 404;
            r.put("found", found);
            r.put("ok", ok);
            if (!ok) notOk = "`" + evidence.command() + "` answered " + code + apiMessage(evidence, r);
            else if (!found) notOk = "`" + evidence.command() + "` answered 404: not found";
        }
        vars.put("response", r);
        return notOk;
    }

    /** What the API said with an error: a Status body's message, the answer's text, or the gateway's reason. */
    private static String apiMessage(Evidence evidence, Map<String, Object> r) {
        if (r.get("body") instanceof Map<?, ?> body && body.get("message") instanceof String m && !m.isBlank()) return ": " + m;
        if (!evidence.text().isBlank()) return ": " + evidence.text().strip().lines().findFirst().orElse("");
        return evidence.reason() == null || evidence.reason().isBlank() ? "" : ": " + evidence.reason();
    }
}
