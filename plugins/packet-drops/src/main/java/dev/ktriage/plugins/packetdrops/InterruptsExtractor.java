package dev.ktriage.plugins.packetdrops;

import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.Extractor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code {interrupts: NAME_REGEX}} over the output of {@code cat /proc/interrupts} (or variable
 * {@code from}): how a NIC's interrupts are spread over the CPUs. NAME_REGEX is found in the text
 * after the counts (controller, trigger, name); {@code patternFrom: VAR} names a variable whose
 * value, when set, is used as the regex instead (an operator's {@code nic} input). The value is a
 * map: {@code irqs} (numbers, as text), {@code names}, {@code cpus}, {@code perCpu} (totals per CPU
 * column), {@code total}, {@code busiestCpu}, {@code busiestShare} (whole percent of the total),
 * {@code activeCpus} (CPUs that took at least 5% of them), {@code busiestIrq} (the interrupt that
 * fired most, to read its {@code /proc/irq/N/smp_affinity}). The quoted evidence is the header and
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
    public Set<String> options() {
        return Set.of("from", "patternFrom");
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        Pattern fixed = compileRegex(argument);
        String from = options.get("from");
        String patternFrom = options.get("patternFrom");
        return evidence -> {
            Pattern p = fixed;
            Object override = patternFrom == null ? null : evidence.variable(patternFrom);
            if (override != null && !override.toString().isBlank()) {
                try {
                    p = Pattern.compile(override.toString().strip());
                } catch (PatternSyntaxException e) {
                    p = Pattern.compile(Pattern.quote(override.toString().strip()));
                }
            }
            InterruptTable t = InterruptTable.parse(evidence.lines(from));
            List<InterruptTable.Line> nic = t.matching(p);
            return new Extracted(summary(t, nic), quotes(t, nic));
        };
    }

    static Map<String, Object> summary(InterruptTable t, List<InterruptTable.Line> nic) {
        int n = t.cpuIds().size();
        long[] perCpu = new long[n];
        for (InterruptTable.Line l : nic) for (int i = 0; i < n; i++) perCpu[i] += l.counts().get(i);
        long total = 0;
        int busiest = -1;
        for (int i = 0; i < n; i++) {
            total += perCpu[i];
            if (busiest < 0 || perCpu[i] > perCpu[busiest]) busiest = i;
        }
        int active = 0;
        List<Object> totals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            totals.add(BigDecimal.valueOf(perCpu[i]));
            if (total > 0 && perCpu[i] * 100 >= total * ACTIVE_PERCENT) active++;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("irqs", nic.stream().map(l -> (Object) l.irq()).toList());
        m.put("names", nic.stream().map(l -> (Object) lastWord(l.description())).toList());
        m.put("cpus", BigDecimal.valueOf(n));
        m.put("perCpu", totals);
        m.put("total", BigDecimal.valueOf(total));
        m.put("busiestCpu", total == 0 ? null : BigDecimal.valueOf(t.cpuIds().get(busiest)));
        m.put("busiestShare", BigDecimal.valueOf(total == 0 ? 0 : perCpu[busiest] * 100 / total));
        m.put("activeCpus", BigDecimal.valueOf(active));
        InterruptTable.Line top = null;
        for (InterruptTable.Line l : nic) if (top == null || l.total() > top.total()) top = l;
        m.put("busiestIrq", top == null ? null : top.irq());
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
