package dev.ktriage.plugins.packetdrops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.spi.Extracted;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(String regex, String text, Map<String, Object> vars, Map<String, String> options) {
        Extracted e = new InterruptsExtractor().compile(regex, options).extract(new FakeEvidence(text, vars));
        return (Map<String, Object>) e.value();
    }

    @Test
    void allQueuesOnCpu0() {
        Map<String, Object> m = run(NIC, ENA_ON_CPU0, Map.of(), Map.of());
        assertEquals(List.of("24", "25", "26", "27", "28"), m.get("irqs"));
        assertEquals(new BigDecimal(4), m.get("cpus"));
        assertEquals(BigDecimal.ZERO, m.get("busiestCpu"));
        assertEquals(new BigDecimal(100), m.get("busiestShare"));
        assertEquals(BigDecimal.ONE, m.get("activeCpus"));
        assertEquals(new BigDecimal(912L + 48215530 + 47833021 + 49012117 + 48711902), m.get("total"));
        assertEquals("ens5-Tx-Rx-0", ((List<?>) m.get("names")).get(1));
        assertEquals("27", m.get("busiestIrq"));
    }

    @Test
    void timerAndNmiRowsAreNotTheNic() {
        Map<String, Object> m = run(NIC, ENA_ON_CPU0, Map.of(), Map.of());
        assertTrue(!((List<?>) m.get("names")).contains("timer"));
    }

    @Test
    void spreadQueues() {
        Map<String, Object> m = run(NIC, VIRTIO_SPREAD, Map.of(), Map.of());
        assertEquals(List.of("28"), m.get("irqs"));
        assertEquals(new BigDecimal(50), m.get("busiestShare"));
        assertEquals(new BigDecimal(2), m.get("activeCpus"));
    }

    @Test
    void quotesHeaderAndMatchingRows() {
        Extracted e = new InterruptsExtractor().compile(NIC, Map.of()).extract(new FakeEvidence(ENA_ON_CPU0));
        assertTrue(e.quotes().get(0).startsWith("CPU0"));
        assertTrue(e.quotes().get(2).endsWith("ens5-Tx-Rx-0"));
        assertEquals(6, e.quotes().size());
    }

    @Test
    void patternFromAVariableOverridesTheArgument() {
        Map<String, Object> m = run(NIC, ENA_ON_CPU0, Map.of("nic", "ens5-Tx-Rx"), Map.of("patternFrom", "nic"));
        assertEquals(List.of("25", "26", "27", "28"), m.get("irqs"));
        Map<String, Object> unset = run(NIC, ENA_ON_CPU0, Map.of(), Map.of("patternFrom", "nic"));
        assertEquals(5, ((List<?>) unset.get("irqs")).size());
    }

    @Test
    void noMatchingNicGivesAnEmptySummary() {
        Map<String, Object> m = run("mlx5_comp", VIRTIO_SPREAD, Map.of(), Map.of());
        assertEquals(List.of(), m.get("irqs"));
        assertEquals(BigDecimal.ZERO, m.get("total"));
        assertEquals(null, m.get("busiestCpu"));
    }

    @Test
    void badRegexIsRefusedAtLoad() {
        assertThrows(IllegalArgumentException.class, () -> new InterruptsExtractor().compile("ens5-(", Map.of()));
    }
}
