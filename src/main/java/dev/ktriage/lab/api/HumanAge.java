package dev.ktriage.lab.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Ages the way kubectl and the API server's tables print them ("5m30s", "3h", "351d", "<unknown>"). */
final class HumanAge {

    private HumanAge() {
    }

    static String since(String timestamp, Instant now) {
        if (timestamp == null || timestamp.isEmpty()) return "<unknown>";
        Instant then;
        try {
            then = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
        return of(Duration.between(then, now));
    }

    /** Port of k8s.io/apimachinery/pkg/util/duration.HumanDuration. */
    static String of(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < -1) return "<invalid>";
        if (seconds < 0) return "0s";
        if (seconds < 60 * 2) return seconds + "s";
        long minutes = seconds / 60;
        if (minutes < 10) return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + (seconds % 60) + "s";
        if (minutes < 60 * 3) return minutes + "m";
        long hours = minutes / 60;
        if (hours < 8) return minutes % 60 == 0 ? hours + "h" : hours + "h" + (minutes % 60) + "m";
        if (hours < 48) return hours + "h";
        if (hours < 24 * 8) return hours % 24 == 0 ? (hours / 24) + "d" : (hours / 24) + "d" + (hours % 24) + "h";
        if (hours < 24 * 365 * 2) return (hours / 24) + "d";
        if (hours < 24 * 365 * 8) {
            long dy = (hours / 24) % 365;
            return dy == 0 ? (hours / 24 / 365) + "y" : (hours / 24 / 365) + "y" + dy + "d";
        }
        return (hours / 24 / 365) + "y";
    }
}
