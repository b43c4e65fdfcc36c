package dev.ktriage.cel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version numbers as Kubernetes and its components print them: {@code v1.29.3}, {@code 1.29},
 * {@code v1.29.3-eks-5e0fdde}, {@code 0.6.4}. Only the numeric core is compared; a suffix after it
 * is ignored (a distribution's build tag, not a pre-release of the upstream version).
 */
final class Versions {

    private static final Pattern CORE = Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    private Versions() {
    }

    /** Negative, zero or positive as {@code a} is older than, the same as, or newer than {@code b}. */
    static int compare(String a, String b) {
        long[] x = core(a);
        long[] y = core(b);
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(x[i], y[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    private static long[] core(String v) {
        Matcher m = CORE.matcher(v.strip());
        if (!m.find()) throw new IllegalArgumentException("'" + v + "' is not a version");
        long[] out = new long[3];
        for (int i = 0; i < 3; i++) out[i] = m.group(i + 1) == null ? 0 : Long.parseLong(m.group(i + 1));
        return out;
    }
}
