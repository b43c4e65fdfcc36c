package dev.ktriage.plugins.packetdrops;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /proc/interrupts}: a header of CPU columns ({@code CPU0 CPU1 ...}), then one row per
 * interrupt: its number (or a name such as {@code NMI}) and a colon, one count per CPU, then the
 * controller, the trigger and the name the driver gave it — {@code ens5-Tx-Rx-0} (ENA),
 * {@code eth0-TxRx-3} (ixgbe, i40e), {@code virtio1-input.0} (virtio-net),
 * {@code mlx5_comp2@pci:0000:00:08.0} (mlx5), {@code gve-ntfy-blk0@pci:...} (gVNIC).
 */
public record InterruptTable(List<Integer> cpuIds, List<Line> lines, String header) {

    private static final Pattern COUNT = Pattern.compile("[0-9]+");

    /** One interrupt: its id ("24"), its count per CPU column, the text after the counts, the raw line. */
    public record Line(String irq, List<Long> counts, String description, String raw) {
        public Line {
            counts = List.copyOf(counts);
        }

        public long total() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }
    }

    public InterruptTable {
        cpuIds = List.copyOf(cpuIds);
        lines = List.copyOf(lines);
    }

    public static InterruptTable parse(List<String> text) {
        List<Integer> cpus = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        String header = null;
        for (String raw : text) {
            String t = raw.strip();
            if (t.isEmpty()) continue;
            if (header == null && t.startsWith("CPU")) {
                for (String h : t.split("\\s+")) {
                    if (h.startsWith("CPU") && COUNT.matcher(h.substring(3)).matches()) cpus.add(Integer.parseInt(h.substring(3)));
                }
                header = t;
                continue;
            }
            int colon = t.indexOf(':');
            if (colon <= 0 || cpus.isEmpty()) continue;
            String irq = t.substring(0, colon).strip();
            String[] rest = t.substring(colon + 1).strip().split("\\s+");
            List<Long> counts = new ArrayList<>();
            int i = 0;
            while (i < rest.length && counts.size() < cpus.size() && COUNT.matcher(rest[i]).matches()) {
                counts.add(Long.parseLong(rest[i]));
                i++;
            }
            while (counts.size() < cpus.size()) counts.add(0L); // ERR:/MIS: rows carry one count only
            String description = String.join(" ", java.util.Arrays.asList(rest).subList(i, rest.length));
            lines.add(new Line(irq, counts, description, raw.stripTrailing()));
        }
        return new InterruptTable(cpus, lines, header);
    }

    /** The numbered interrupts whose description (controller, trigger, name) matches {@code name}. */
    public List<Line> matching(Pattern name) {
        return lines.stream().filter(l -> COUNT.matcher(l.irq()).matches() && name.matcher(l.description()).find()).toList();
    }
}
