package dev.ktriage.spi.v2;

import dev.ktriage.spi.Extracted;
import java.util.Map;
import java.util.Set;

/**
 * Reads a typed value out of a step's answer (plugin API 2). Built-in types (lines, regex, count,
 * json, yaml, keyValue, table) and plugin types are registered the same way, through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.ktriage.spi.v2.Extractor}).
 *
 * <p>In a playbook: {@code extract: {drops: {softnet-stat: "", from: stat}}} — the key naming the
 * type holds its main argument, the other keys are options from {@link #options()}. The value is a
 * CEL value (String, Long, Double, Boolean, List, Map with String keys) of {@link #valueType}.
 */
public interface Extractor {

    /** The type name used in playbooks. */
    String type();

    /** Option keys accepted besides the type key ({@code from} is the engine's: the text of a variable). */
    default Set<String> options() {
        return Set.of();
    }

    /** The CEL type of the value, as {@code string}, {@code int}, {@code list(string)}, {@code map(string,string)}, {@code dyn}. */
    String valueType(Map<String, String> options);

    /**
     * Checks the argument and options once, at load time.
     *
     * @throws IllegalArgumentException with a one-line message when they are not valid
     */
    Compiled compile(String argument, Map<String, String> options);

    /** A checked extractor. Must be pure: the answer in, the value out. */
    interface Compiled {
        /**
         * @throws NothingFound when the answer holds no such value: the variable is then absent
         *                      with that reason, never an empty or zero value
         */
        Extracted extract(Answer answer);
    }

    /** The answer has no such value; why, for the operator. */
    final class NothingFound extends RuntimeException {
        public NothingFound(String reason) {
            super(reason, null, false, false);
        }
    }
}
