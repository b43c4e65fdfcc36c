package dev.ktriage.plugins.packetdrops;

import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.Extractor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code {softnet-stat: FIELD}} over the output of {@code cat /proc/net/softnet_stat} (or variable
 * {@code from}). FIELD is one of {@code processed}, {@code dropped}, {@code squeezed} (totals over
 * all CPUs), {@code cpus}, {@code cpusWithDrops}, {@code cpusSqueezed} (lists of CPU ids),
 * {@code busiestCpu}, {@code busiestShare} (the CPU that processed most packets and its share in
 * whole percent), {@code perCpu} (a list of maps cpu/processed/dropped/squeezed), or {@code summary}
 * (a map of all of these). The quoted evidence is the raw rows of the CPUs that dropped or were
 * squeezed, and the busiest CPU's row.
 */
public final class SoftnetStatExtractor implements Extractor {

    static final Set<String> FIELDS = Set.of("summary", "processed", "dropped", "squeezed", "cpus", "cpusWithDrops",
            "cpusSqueezed", "busiestCpu", "busiestShare", "perCpu");
    private static final int MAX_QUOTES = 8;

    @Override
    public String type() {
        return "softnet-stat";
    }

    @Override
    public Set<String> options() {
        return Set.of("from");
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        String field = argument.strip();
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException("unknown softnet-stat field '" + field + "' (expected one of " + new java.util.TreeSet<>(FIELDS) + ")");
        }
        String from = options.get("from");
        return evidence -> {
            SoftnetStat s = SoftnetStat.parse(evidence.lines(from));
            Map<String, Object> all = summary(s);
            return new Extracted(field.equals("summary") ? all : all.get(field), quotes(s));
        };
    }

    static Map<String, Object> summary(SoftnetStat s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", BigDecimal.valueOf(s.rows().size()));
        m.put("processed", BigDecimal.valueOf(s.processed()));
        m.put("dropped", BigDecimal.valueOf(s.dropped()));
        m.put("squeezed", BigDecimal.valueOf(s.squeezed()));
        m.put("cpusWithDrops", numbers(s.cpusWithDrops()));
        m.put("cpusSqueezed", numbers(s.cpusSqueezed()));
        SoftnetStat.Row b = s.busiest();
        m.put("busiestCpu", b == null ? null : BigDecimal.valueOf(b.cpu()));
        m.put("busiestShare", BigDecimal.valueOf(s.busiestShare()));
        List<Object> perCpu = new ArrayList<>();
        for (SoftnetStat.Row r : s.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cpu", BigDecimal.valueOf(r.cpu()));
            row.put("processed", BigDecimal.valueOf(r.processed()));
            row.put("dropped", BigDecimal.valueOf(r.dropped()));
            row.put("squeezed", BigDecimal.valueOf(r.squeezed()));
            perCpu.add(row);
        }
        m.put("perCpu", perCpu);
        return m;
    }

    private static List<String> quotes(SoftnetStat s) {
        List<String> out = new ArrayList<>();
        SoftnetStat.Row b = s.busiest();
        for (SoftnetStat.Row r : s.rows()) {
            if (out.size() >= MAX_QUOTES) break;
            if (r.dropped() > 0 || r.squeezed() > 0 || (r == b && r.processed() > 0)) out.add(r.line());
        }
        return out;
    }

    private static List<Object> numbers(List<Integer> ids) {
        return ids.stream().map(i -> (Object) BigDecimal.valueOf(i)).toList();
    }
}
