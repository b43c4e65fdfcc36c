package dev.ktriage.plugins.packetdrops;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /proc/net/softnet_stat}: one row of hexadecimal counters per online CPU. Column 1 counts
 * packets processed from the CPU's backlog, column 2 packets dropped because the backlog was full
 * ({@code net.core.netdev_max_backlog}), column 3 times net_rx_action ran out of budget or time
 * with work left ("time_squeeze", {@code net.core.netdev_budget}/{@code netdev_budget_usecs}).
 * Kernels since 5.10 append the backlog length and the CPU id (column 13); older ones do not, and
 * rows skip offline CPUs, so the row index is the CPU id only when no CPU is offline.
 * The counters are 32-bit and wrap: shares are read over what the rows show.
 */
public record SoftnetStat(List<Row> rows) {

    private static final Pattern HEX_ROW = Pattern.compile("\\s*[0-9a-fA-F]{8}(\\s+[0-9a-fA-F]{8})*\\s*");

    public record Row(int cpu, long processed, long dropped, long squeezed, String line) {
    }

    public SoftnetStat {
        rows = List.copyOf(rows);
    }

    /** Reads the rows; lines that are not rows of 8-digit hex counters (a banner, a blank) are skipped. */
    public static SoftnetStat parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            if (!HEX_ROW.matcher(line).matches()) continue;
            String[] f = line.trim().split("\\s+");
            if (f.length < 3) continue;
            int cpu = f.length >= 13 ? (int) hex(f[12]) : rows.size();
            rows.add(new Row(cpu, hex(f[0]), hex(f[1]), hex(f[2]), line.strip()));
        }
        return new SoftnetStat(rows);
    }

    private static long hex(String s) {
        return Long.parseLong(s, 16);
    }

    public long processed() {
        return rows.stream().mapToLong(Row::processed).sum();
    }

    public long dropped() {
        return rows.stream().mapToLong(Row::dropped).sum();
    }

    public long squeezed() {
        return rows.stream().mapToLong(Row::squeezed).sum();
    }

    public List<Integer> cpusWithDrops() {
        return rows.stream().filter(r -> r.dropped() > 0).map(Row::cpu).toList();
    }

    public List<Integer> cpusSqueezed() {
        return rows.stream().filter(r -> r.squeezed() > 0).map(Row::cpu).toList();
    }

    /** The row that processed the most packets, or null when there are no rows. */
    public Row busiest() {
        Row best = null;
        for (Row r : rows) if (best == null || r.processed() > best.processed()) best = r;
        return best;
    }

    /** The busiest CPU's share of all processed packets, in whole percent (0 when nothing was processed). */
    public int busiestShare() {
        long total = processed();
        Row b = busiest();
        return b == null || total == 0 ? 0 : (int) (b.processed() * 100 / total);
    }
}
