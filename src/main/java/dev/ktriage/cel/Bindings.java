package dev.ktriage.cel;

import java.util.Map;

/**
 * The values an expression's identifiers stand for. A variable the playbook declares can be
 * without a value (its step failed, its extract found nothing): it is then an error to use, with
 * the reason, never an empty string or a zero.
 */
public interface Bindings {

    /** The value, or {@link #ABSENT} when the name has none. */
    Object get(String name);

    /** Why {@code name} has no value (e.g. "step 'configz' failed: 403 Forbidden"), or null. */
    default String whyAbsent(String name) {
        return null;
    }

    /** Marks a name without a value. */
    Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "<absent>";
        }
    };

    static Bindings of(Map<String, ?> values) {
        return name -> values.containsKey(name) ? values.get(name) : ABSENT;
    }

    /** {@code name} bound to {@code value}, everything else from {@code outer}. */
    static Bindings with(Bindings outer, String name, Object value) {
        return new Bindings() {
            public Object get(String n) {
                return n.equals(name) ? value : outer.get(n);
            }

            public String whyAbsent(String n) {
                return n.equals(name) ? null : outer.whyAbsent(n);
            }
        };
    }
}
