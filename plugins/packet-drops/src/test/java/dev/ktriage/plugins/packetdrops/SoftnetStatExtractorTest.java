package dev.ktriage.plugins.packetdrops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.Extractor;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SoftnetStatExtractorTest {

    /** Kernel 5.15, 4 CPUs: CPU 0 takes nearly all packets, drops (col 2) and is squeezed (col 3). */
    static final String CPU0_DROPS = """
            1a2b3c4d 0001e0f2 00004e21 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
            0003a0c1 00000000 00000002 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000001
            00029f77 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000002
            0002b312 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000003
            """;

    /** Kernel 4.14 (11 columns, no CPU id), 2 CPUs, nothing dropped. */
    static final String OLD_KERNEL_QUIET = """
            0c3d2a10 00000000 00000011 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
            0c1f9e02 00000000 00000009 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
            """;

    private static Extracted run(String field, String text) {
        return new SoftnetStatExtractor().compile(field, Map.of()).extract(new FakeEvidence(text));
    }

    @Test
    void totalsDecodeTheHexColumns() {
        assertEquals(new BigDecimal(0x0001e0f2), run("dropped", CPU0_DROPS).value());
        assertEquals(new BigDecimal(0x4e21 + 2), run("squeezed", CPU0_DROPS).value());
        assertEquals(new BigDecimal(4), run("cpus", CPU0_DROPS).value());
        assertEquals(new BigDecimal(0x1a2b3c4dL + 0x3a0c1 + 0x29f77 + 0x2b312), run("processed", CPU0_DROPS).value());
    }

    @Test
    void namesTheCpusThatDropAndTheBusiestShare() {
        assertEquals(List.of(BigDecimal.ZERO), run("cpusWithDrops", CPU0_DROPS).value());
        assertEquals(List.of(BigDecimal.ZERO, BigDecimal.ONE), run("cpusSqueezed", CPU0_DROPS).value());
        assertEquals(BigDecimal.ZERO, run("busiestCpu", CPU0_DROPS).value());
        assertEquals(new BigDecimal(99), run("busiestShare", CPU0_DROPS).value());
    }

    @Test
    void quotesTheRowsThatDroppedOrWereSqueezed() {
        List<String> quotes = run("dropped", CPU0_DROPS).quotes();
        assertEquals(2, quotes.size());
        assertTrue(quotes.get(0).startsWith("1a2b3c4d 0001e0f2"));
    }

    @Test
    void olderKernelsWithoutCpuIdUseTheRowIndex() {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) run("summary", OLD_KERNEL_QUIET).value();
        assertEquals(BigDecimal.ZERO, s.get("dropped"));
        assertEquals(new BigDecimal(2), s.get("cpus"));
        assertEquals(List.of(BigDecimal.ZERO, BigDecimal.ONE), s.get("cpusSqueezed"));
        assertEquals(new BigDecimal(50), s.get("busiestShare"));
    }

    @Test
    void cpuIdColumnWinsOverRowIndexWhenCpusAreOffline() {
        String text = """
                00001000 00000005 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
                00002000 00000007 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000003
                """;
        assertEquals(List.of(BigDecimal.ZERO, new BigDecimal(3)), run("cpusWithDrops", text).value());
        assertEquals(new BigDecimal(3), run("busiestCpu", text).value());
    }

    @Test
    void emptyOrForeignTextGivesZeroes() {
        assertEquals(BigDecimal.ZERO, run("dropped", "cat: /proc/net/softnet_stat: No such file or directory\n").value());
        assertEquals(BigDecimal.ZERO, run("busiestShare", "").value());
        assertEquals(null, run("busiestCpu", "").value());
    }

    @Test
    void readsAVariableWithFrom() {
        Extracted e = new SoftnetStatExtractor().compile("dropped", Map.of("from", "saved"))
                .extract(new FakeEvidence("", Map.of("saved", CPU0_DROPS)));
        assertEquals(new BigDecimal(0x0001e0f2), e.value());
    }

    @Test
    void unknownFieldIsRefusedAtLoad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftnetStatExtractor().compile("drops", Map.of()));
        assertTrue(e.getMessage().contains("unknown softnet-stat field 'drops'"), e.getMessage());
    }

    @Test
    void registeredForServiceLoader() {
        List<String> types = ServiceLoader.load(Extractor.class).stream().map(p -> p.get().type()).toList();
        assertTrue(types.contains("softnet-stat") && types.contains("interrupts"), types.toString());
    }
}
