package dev.ktriage.allowlist;

import java.util.List;

/**
 * One option a command may take: its spellings and, unless it is a flag, the type of its value.
 *
 * @param attachedOnly the value is optional and only taken when attached ({@code --boot=-1}, {@code -b-1})
 */
record Opt(List<String> names, ArgType value, boolean attachedOnly) {

    static Opt flag(String... names) {
        return new Opt(List.of(names), null, false);
    }

    static Opt value(ArgType type, String... names) {
        return new Opt(List.of(names), type, false);
    }

    static Opt optionalValue(ArgType type, String... names) {
        return new Opt(List.of(names), type, true);
    }

    boolean takesValue() {
        return value != null && !attachedOnly;
    }

    String shown() {
        return String.join("|", names) + (value == null ? "" : attachedOnly ? "[=" + value.name() + "]" : " " + value.name());
    }
}
