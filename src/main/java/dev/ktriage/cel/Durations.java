package dev.ktriage.cel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Go prints them ({@code 1.62s}, {@code 1620ms}, {@code 1m30s}, {@code 250µs}) or a
 * bare number of seconds, in seconds: how structured logs carry latency ({@code took=1.62s}).
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|µs|μs|ms|s|m|h)");

    private Durations() {
    }

    public static double seconds(String s) {
        String t = s.strip();
        if (t.matches("[0-9]+(\\.[0-9]+)?")) return Double.parseDouble(t);
        Matcher m = PART.matcher(t);
        double total = 0;
        int at = 0;
        while (m.find()) {
            if (m.start() != at) break;
            double v = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "ns" -> v / 1e9;
                case "us", "µs", "μs" -> v / 1e6;
                case "ms" -> v / 1e3;
                case "s" -> v;
                case "m" -> v * 60;
                default -> v * 3600;
            };
            at = m.end();
        }
        if (at == 0 || at != t.length()) throw new IllegalArgumentException("'" + s + "' is not a duration");
        return total;
    }
}
