package dev.ktriage.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** kubectl's AGE column, as k8s.io/apimachinery's duration.HumanDuration writes it, at each boundary. */
class KubectlColumnsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private static String ageOf(long secondsAgo) {
        return KubectlColumns.age(NOW.minusSeconds(secondsAgo).toString(), NOW);
    }

    @Test
    void agesAsKubectlPrintsThem() {
        assertEquals("45s", ageOf(45));
        assertEquals("119s", ageOf(119));
        assertEquals("2m", ageOf(120));
        assertEquals("5m30s", ageOf(330));
        assertEquals("42m", ageOf(42 * 60 + 10));
        assertEquals("179m", ageOf(179 * 60));
        assertEquals("3h20m", ageOf(200 * 60));
        assertEquals("3h", ageOf(3 * 3600));
        assertEquals("20h", ageOf(20 * 3600 + 59));
        assertEquals("2d5h", ageOf((48 + 5) * 3600));
        assertEquals("45d", ageOf(45 * 86400));
        assertEquals("3y20d", ageOf((3 * 365 + 20) * 86400L));
        assertEquals("9y", ageOf(9 * 365 * 86400L));
        assertEquals("<unknown>", KubectlColumns.age("", NOW));
    }
}
