package dev.ktriage.plugins.packetdrops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.v2.Answer;
import dev.ktriage.spi.v2.Extractor;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InterruptsExtractorTest {

    static final String NIC = "(eth|ens|enp|eno)[0-9a-z]*-|virtio[0-9]+-input|mlx5_comp|gve-ntfy";

    /** An EC2 node (ENA, 4 queues), irqbalance stopped: every queue interrupt counted on CPU0. */
    static final String ENA_ON_CPU0 = """
                       CPU0       CPU1       CPU2       CPU3
              0:         36          0          0          0   IO-APIC   2-edge      timer
              1:          9          0          0          0   IO-APIC   1-edge      i8042
             24:        912          0          0          0   PCI-MSI 81920-edge      ens5-mgmnt
             25:   48215530          0          0          0   PCI-MSI 81921-edge      ens5-Tx-Rx-0
             26:   47833021          0          0          0   PCI-MSI 81922-edge      ens5-Tx-Rx-1
             27:   49012117          0          0          0   PCI-MSI 81923-edge      ens5-Tx-Rx-2
             28:   48711902          0          0          0   PCI-MSI 81924-edge      ens5-Tx-Rx-3
            NMI:          0          0          0          0   Non-maskable interrupts
            LOC:   91238123   90012311   89923112   90122301   Local timer interrupts
            ERR:          0
            MIS:          0
            """;

    /** virtio-net with irqbalance: spread. */
    static final String VIRTIO_SPREAD = """
                       CPU0       CPU1
             27:    1203311          0   PCI-MSI 512000-edge      virtio1-config
             28:    9120331    8812003   PCI-MSI 512001-edge      virtio1-input.0
             29:       1233       1102   PCI-MSI 512002-edge      virtio1-output.0
            """;

    private static Extracted extract(String regex, String text) {
        return new InterruptsExtractor().compile(regex, Map.of()).extract(new Answer(text, 0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(String regex, String text) {
        return (Map<String, Object>) extract(regex, text).value();
    }

    @Test
    void allQueuesOnCpu0() {
        Map<String, Object> m = run(NIC, ENA_ON_CPU0);
        assertEquals(List.of("24", "25", "26", "27", "28"), m.get("irqs"));
        assertEquals(4L, m.get("cpus"));
        assertEquals(0L, m.get("busiestCpu"));
        assertEquals(100L, m.get("busiestShare"));
        assertEquals(1L, m.get("activeCpus"));
        assertEquals(912L + 48215530 + 47833021 + 49012117 + 48711902, m.get("total"));
        assertEquals(List.of(912L + 48215530 + 47833021 + 49012117 + 48711902, 0L, 0L, 0L), m.get("perCpu"));
        assertEquals("ens5-Tx-Rx-0", ((List<?>) m.get("names")).get(1));
        assertEquals("27", m.get("busiestIrq"));
    }

    @Test
    void timerAndNmiRowsAreNotTheNic() {
        Map<String, Object> m = run(NIC, ENA_ON_CPU0);
        assertFalse(((List<?>) m.get("names")).contains("timer"));
        assertFalse(((List<?>) m.get("irqs")).contains("NMI"));
    }

    @Test
    void spreadQueues() {
        Map<String, Object> m = run(NIC, VIRTIO_SPREAD);
        assertEquals(List.of("28"), m.get("irqs"));
        assertEquals(50L, m.get("busiestShare"));
        assertEquals(2L, m.get("activeCpus"));
    }

    @Test
    void quotesHeaderAndMatchingRows() {
        Extracted e = extract(NIC, ENA_ON_CPU0);
        assertTrue(e.quotes().get(0).startsWith("CPU0"));
        assertTrue(e.quotes().get(2).endsWith("ens5-Tx-Rx-0"));
        assertEquals(6, e.quotes().size());
    }

    @Test
    void anEmptyRegexTakesEveryNumberedInterruptOfRowsChosenBeforehand() {
        // what a playbook does with `from:`: the header and the rows it chose in CEL (e.g. by an operator's regex)
        String chosen = ENA_ON_CPU0.lines().filter(l -> l.contains("CPU0") || l.contains("ens5-Tx-Rx") || l.contains("LOC:"))
                .collect(Collectors.joining("\n"));
        Map<String, Object> m = run("", chosen);
        assertEquals(List.of("25", "26", "27", "28"), m.get("irqs"));
        assertEquals(List.of("ens5-Tx-Rx-0", "ens5-Tx-Rx-1", "ens5-Tx-Rx-2", "ens5-Tx-Rx-3"), m.get("names"));
    }

    @Test
    void noMatchingNicIsAValueWithoutABusiestCpu() {
        Extracted e = extract("mlx5_comp", VIRTIO_SPREAD);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) e.value();
        assertEquals(List.of(), m.get("irqs"));
        assertEquals(0L, m.get("total"));
        assertEquals(0L, m.get("busiestShare"));
        assertFalse(m.containsKey("busiestCpu"), m.toString());
        assertFalse(m.containsKey("busiestIrq"), m.toString());
        assertEquals(List.of(), e.quotes());
    }

    @Test
    void quietQueuesHaveABusiestIrqButNoBusiestCpu() {
        String down = """
                           CPU0       CPU1
                 40:          0          0   PCI-MSI 1-edge      eth1-TxRx-0
                 41:          0          0   PCI-MSI 2-edge      eth1-TxRx-1
                """;
        Map<String, Object> m = run(NIC, down);
        assertEquals("40", m.get("busiestIrq"));
        assertFalse(m.containsKey("busiestCpu"));
        assertEquals(0L, m.get("activeCpus"));
    }

    @Test
    void textWithoutTheCpuHeaderHoldsNothing() {
        Extractor.NothingFound e = assertThrows(Extractor.NothingFound.class,
                () -> extract(NIC, "cat: /proc/interrupts: Permission denied\n"));
        assertTrue(e.getMessage().contains("not /proc/interrupts"), e.getMessage());
        assertThrows(Extractor.NothingFound.class, () -> extract(NIC, ""));
    }

    @Test
    void declaresItsCelType() {
        assertEquals("map(string,dyn)", new InterruptsExtractor().valueType(Map.of()));
        assertTrue(new InterruptsExtractor().options().isEmpty());
    }

    @Test
    void badRegexIsRefusedAtLoad() {
        assertThrows(IllegalArgumentException.class, () -> new InterruptsExtractor().compile("ens5-(", Map.of()));
    }
}
