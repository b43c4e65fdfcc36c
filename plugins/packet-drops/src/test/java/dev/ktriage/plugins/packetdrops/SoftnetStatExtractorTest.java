package dev.ktriage.plugins.packetdrops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.spi.Extracted;
import dev.ktriage.spi.v2.Answer;
import dev.ktriage.spi.v2.Extractor;
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

    /** What the engine hands the extractor: the node's stdout (or a variable's text) and the exit code. */
    private static Extracted run(String field, String text) {
        return new SoftnetStatExtractor().compile(field, Map.of()).extract(new Answer(text, 0));
    }

    @Test
    void totalsDecodeTheHexColumnsAsCelInts() {
        assertEquals((long) 0x0001e0f2, run("dropped", CPU0_DROPS).value());
        assertEquals((long) (0x4e21 + 2), run("squeezed", CPU0_DROPS).value());
        assertEquals(4L, run("cpus", CPU0_DROPS).value());
        assertEquals(0x1a2b3c4dL + 0x3a0c1 + 0x29f77 + 0x2b312, run("processed", CPU0_DROPS).value());
    }

    @Test
    void namesTheCpusThatDropAndTheBusiestShare() {
        assertEquals(List.of(0L), run("cpusWithDrops", CPU0_DROPS).value());
        assertEquals(List.of(0L, 1L), run("cpusSqueezed", CPU0_DROPS).value());
        assertEquals(0L, run("busiestCpu", CPU0_DROPS).value());
        assertEquals(99L, run("busiestShare", CPU0_DROPS).value());
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
        assertEquals(0L, s.get("dropped"));
        assertEquals(2L, s.get("cpus"));
        assertEquals(List.of(0L, 1L), s.get("cpusSqueezed"));
        assertEquals(50L, s.get("busiestShare"));
        assertEquals(List.of(Map.of("cpu", 0L, "processed", 0x0c3d2a10L, "dropped", 0L, "squeezed", 0x11L),
                Map.of("cpu", 1L, "processed", 0x0c1f9e02L, "dropped", 0L, "squeezed", 9L)), s.get("perCpu"));
    }

    @Test
    void cpuIdColumnWinsOverRowIndexWhenCpusAreOffline() {
        String text = """
                00001000 00000005 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
                00002000 00000007 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000003
                """;
        assertEquals(List.of(0L, 3L), run("cpusWithDrops", text).value());
        assertEquals(3L, run("busiestCpu", text).value());
    }

    @Test
    void valuesAreOnlyCelTypes() {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) run("summary", CPU0_DROPS).value();
        for (Object v : s.values()) {
            assertTrue(v instanceof Long || v instanceof List, v + " is " + v.getClass());
        }
    }

    @Test
    void emptyOrForeignTextHoldsNothingNeverZeroes() {
        Extractor.NothingFound e = assertThrows(Extractor.NothingFound.class,
                () -> run("dropped", "cat: /proc/net/softnet_stat: No such file or directory\n"));
        assertTrue(e.getMessage().contains("no row of per-CPU hex counters"), e.getMessage());
        assertThrows(Extractor.NothingFound.class, () -> run("busiestShare", ""));
        assertThrows(Extractor.NothingFound.class, () -> run("summary", "\n\n"));
    }

    @Test
    void readsWhateverTextTheEngineHandsIt() {
        // with `from: VAR` the engine passes the variable's text (a list joined by lines); the extractor sees only an Answer
        Extracted e = new SoftnetStatExtractor().compile("dropped", Map.of()).extract(new Answer("banner\n" + CPU0_DROPS, 0));
        assertEquals((long) 0x0001e0f2, e.value());
    }

    @Test
    void declaresItsCelType() {
        assertEquals("dyn", new SoftnetStatExtractor().valueType(Map.of()));
        assertEquals(Map.of().keySet(), new SoftnetStatExtractor().options());
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
