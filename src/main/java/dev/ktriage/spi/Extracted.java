package dev.ktriage.spi;

import java.util.List;

/**
 * An extracted value and the evidence lines it was read from; the lines are quoted in the diagnosis.
 */
public record Extracted(Object value, List<String> quotes) {

    public Extracted {
        quotes = List.copyOf(quotes);
    }

    public static Extracted of(Object value) {
        return new Extracted(value, List.of());
    }
}
