package dev.ktriage.plugins.packetdrops;

import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.v2.Extractor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code {interrupts: NAME_REGEX}} over the output of {@code cat /proc/interrupts} (or, with the
 * engine's {@code from: VAR}, the text of a variable, e.g. the header and the rows a playbook chose
 * in CEL): how the matching interrupts are spread over the CPUs. NAME_REGEX is searched in the text
 * after the counts (controller, trigger, name); an empty one takes every numbered interrupt of the
 * text.
 *
 * <p>The value is a {@code map(string,dyn)}: {@code irqs} (numbers, as text), {@code names},
 * {@code cpus} (CPU columns), {@code perCpu} (totals per CPU column), {@code total},
 * {@code busiestShare} (whole percent of the total; 0 when they counted nothing),
 * {@code activeCpus} (CPUs that took at least 5% of them), and, when there is one,
 * {@code busiestCpu} (left out when they counted nothing) and {@code busiestIrq} (the interrupt that
 * fired most, to read its {@code /proc/irq/N/smp_affinity}; left out when none matches). No matching
 * interrupt is a value (empty lists, total 0); text without the {@code CPU0 CPU1 ...} header is not
 * /proc/interrupts and holds nothing ({@link NothingFound}). The quoted evidence is the header and
 * the first matching rows.
 */
public final class InterruptsExtractor implements Extractor {

    private static final int MAX_QUOTES = 8;
    /** A CPU that takes less than this share of a NIC's interrupts is not really serving it. */
    static final int ACTIVE_PERCENT = 5;

    @Override
    public String type() {
        return "interrupts";
    }

    @Override
    public String valueType(Map<String, String> options) {
        return "map(string,dyn)";
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        Pattern name = compileRegex(argument);
        return answer -> {
            InterruptTable t = InterruptTable.parse(answer.text().lines().toList());
            if (t.cpuIds().isEmpty()) throw new NothingFound("no CPU header line (CPU0 CPU1 ...): not /proc/interrupts");
            List<InterruptTable.Line> nic = t.matching(name);
            return new Extracted(summary(t, nic), quotes(t, nic));
        };
    }

    static Map<String, Object> summary(InterruptTable t, List<InterruptTable.Line> nic) {
        int n = t.cpuIds().size();
        long[] perCpu = new long[n];
        for (InterruptTable.Line l : nic) for (int i = 0; i < n; i++) perCpu[i] += l.counts().get(i);
        long total = 0;
        int busiest = 0;
        for (int i = 0; i < n; i++) {
            total += perCpu[i];
            if (perCpu[i] > perCpu[busiest]) busiest = i;
        }
        long active = 0;
        List<Object> totals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            totals.add(perCpu[i]);
            if (total > 0 && perCpu[i] * 100 >= total * ACTIVE_PERCENT) active++;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("irqs", nic.stream().map(l -> (Object) l.irq()).toList());
        m.put("names", nic.stream().map(l -> (Object) lastWord(l.description())).toList());
        m.put("cpus", (long) n);
        m.put("perCpu", totals);
        m.put("total", total);
        if (total > 0) m.put("busiestCpu", (long) t.cpuIds().get(busiest));
        m.put("busiestShare", total == 0 ? 0L : perCpu[busiest] * 100 / total);
        m.put("activeCpus", active);
        InterruptTable.Line top = null;
        for (InterruptTable.Line l : nic) if (top == null || l.total() > top.total()) top = l;
        if (top != null) m.put("busiestIrq", top.irq());
        return m;
    }

    private static List<String> quotes(InterruptTable t, List<InterruptTable.Line> nic) {
        List<String> out = new ArrayList<>();
        if (nic.isEmpty()) return out;
        if (t.header() != null) out.add(t.header());
        for (InterruptTable.Line l : nic) {
            if (out.size() > MAX_QUOTES) break;
            out.add(l.raw().strip());
        }
        return out;
    }

    private static String lastWord(String s) {
        String[] w = s.strip().split("\\s+");
        return w[w.length - 1];
    }

    private static Pattern compileRegex(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regular expression '" + regex + "': " + e.getDescription());
        }
    }
}
