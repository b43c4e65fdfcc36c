package dev.ktriage.plugins.packetdrops;

import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.v2.Extractor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code {softnet-stat: FIELD}} over the output of {@code cat /proc/net/softnet_stat} (or, with the
 * engine's {@code from: VAR}, the text of a variable). FIELD is one of {@code processed},
 * {@code dropped}, {@code squeezed} (totals over all CPUs), {@code cpus} (how many rows),
 * {@code cpusWithDrops}, {@code cpusSqueezed} (lists of CPU ids), {@code busiestCpu},
 * {@code busiestShare} (the CPU that processed most packets and its share in whole percent, 0 when
 * nothing was processed), {@code perCpu} (a list of maps cpu/processed/dropped/squeezed), or
 * {@code summary} (a map of all of these). Numbers are CEL ints ({@link Long}).
 *
 * <p>The quoted evidence is the raw rows of the CPUs that dropped or were squeezed, and the busiest
 * CPU's row. An answer without a single row of hex counters holds nothing: {@link NothingFound},
 * never zeroes.
 */
public final class SoftnetStatExtractor implements Extractor {

    static final Set<String> FIELDS = Set.of("summary", "processed", "dropped", "squeezed", "cpus", "cpusWithDrops",
            "cpusSqueezed", "busiestCpu", "busiestShare", "perCpu");
    private static final int MAX_QUOTES = 8;

    @Override
    public String type() {
        return "softnet-stat";
    }

    /**
     * {@code dyn}: the type depends on FIELD (an int, a list of ints, a map), and the SPI asks for the
     * type with the options only, not the argument. {@code summary} is a {@code map(string,dyn)}.
     */
    @Override
    public String valueType(Map<String, String> options) {
        return "dyn";
    }

    @Override
    public Compiled compile(String argument, Map<String, String> options) {
        String field = argument.strip();
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException("unknown softnet-stat field '" + field + "' (expected one of " + new TreeSet<>(FIELDS) + ")");
        }
        return answer -> {
            SoftnetStat s = SoftnetStat.parse(answer.text().lines().toList());
            if (s.rows().isEmpty()) {
                throw new NothingFound("no row of per-CPU hex counters (not /proc/net/softnet_stat)");
            }
            Map<String, Object> all = summary(s);
            return new Extracted(field.equals("summary") ? all : all.get(field), quotes(s));
        };
    }

    /** Every field, for a table with at least one row. */
    static Map<String, Object> summary(SoftnetStat s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", (long) s.rows().size());
        m.put("processed", s.processed());
        m.put("dropped", s.dropped());
        m.put("squeezed", s.squeezed());
        m.put("cpusWithDrops", numbers(s.cpusWithDrops()));
        m.put("cpusSqueezed", numbers(s.cpusSqueezed()));
        m.put("busiestCpu", (long) s.busiest().cpu());
        m.put("busiestShare", (long) s.busiestShare());
        List<Object> perCpu = new ArrayList<>();
        for (SoftnetStat.Row r : s.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cpu", (long) r.cpu());
            row.put("processed", r.processed());
            row.put("dropped", r.dropped());
            row.put("squeezed", r.squeezed());
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
        return ids.stream().map(i -> (Object) (long) i).toList();
    }
}
