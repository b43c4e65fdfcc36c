package dev.ktriage.verify;

import java.util.Locale;

/**
 * One fact or durability check, re-read live.
 *
 * @param kind    fact (the diagnosed fault) or durable (what would bring it back)
 * @param step    the playbook step whose gather was run again
 * @param command the read as kubectl or ssh would write it, or null when it could not be made
 * @param says    what the fact is now, in the playbook's words; when it could not be checked, why
 */
public record CheckResult(String diagnosis, Kind kind, String step, State state, String says, String command) {

    public enum Kind {
        FACT, DURABLE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum State {
        /** the fact still holds (a durable check: what would bring the fault back is still in place) */
        HOLDS("still holds"),
        /** it no longer holds */
        GONE("no longer holds"),
        /** the read failed, or a value the check needs is not there */
        UNKNOWN("could not be checked");

        private final String words;

        State(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State ofWireName(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }
}
