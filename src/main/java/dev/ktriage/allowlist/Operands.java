package dev.ktriage.allowlist;

import java.util.List;
import java.util.Set;

/** The operands a form takes: how many, and the type of each given the options present. */
interface Operands {

    int min(Set<String> options);

    /** -1: any number. */
    int max(Set<String> options);

    ArgType type(int index, Set<String> options);

    String shown();

    /** {@code types} in order, the last one repeating up to {@code max}. */
    static Operands of(int min, int max, ArgType... types) {
        List<ArgType> list = List.of(types);
        return new Operands() {
            public int min(Set<String> options) {
                return min;
            }

            public int max(Set<String> options) {
                return max;
            }

            public ArgType type(int index, Set<String> options) {
                return list.get(Math.min(index, list.size() - 1));
            }

            public String shown() {
                if (list.isEmpty() || max == 0) return "";
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < list.size(); i++) {
                    String t = list.get(i).name().replaceAll("[^A-Za-z0-9|]+", "_").replaceAll("_$", "").toUpperCase();
                    boolean optional = i >= min;
                    if (b.length() > 0) b.append(' ');
                    b.append(optional ? "[" + t + "]" : t);
                }
                if (max < 0 || max > list.size()) b.append("...");
                return b.toString();
            }
        };
    }

    static Operands none() {
        return of(0, 0);
    }
}
