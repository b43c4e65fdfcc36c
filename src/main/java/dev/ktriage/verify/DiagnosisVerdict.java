package dev.ktriage.verify;

import dev.ktriage.playbook.Verification;
import java.util.List;
import java.util.function.Predicate;

/**
 * A diagnosis after the fix: its verdict, one line saying why, and each check behind it.
 *
 * @param says the verdict in one line, built from the checks' own words
 */
public record DiagnosisVerdict(String diagnosis, String playbook, Verdict verdict, String says, List<CheckResult> checks) {

    public DiagnosisVerdict {
        checks = List.copyOf(checks);
    }

    /** A diagnosis whose playbook declares no verify block: nothing to re-read, so no verdict but "could not tell". */
    static DiagnosisVerdict undeclared(String diagnosis, String playbook) {
        return new DiagnosisVerdict(diagnosis, playbook, Verdict.COULD_NOT_TELL, "playbook '" + playbook
                + "' declares no verify checks for diagnosis '" + diagnosis + "': re-run the playbook to see where things stand", List.of());
    }

    /**
     * The verdict from the checks: proof before "fixed" (a fact gone, every durability check read and
     * none holding), and a fault that still holds is said even when another read failed.
     */
    static DiagnosisVerdict of(String diagnosis, String playbook, Verification.Mode mode, List<CheckResult> checks) {
        List<CheckResult> facts = checks.stream().filter(c -> c.kind() == CheckResult.Kind.FACT).toList();
        List<CheckResult> durable = checks.stream().filter(c -> c.kind() == CheckResult.Kind.DURABLE).toList();
        List<CheckResult> holding = only(facts, CheckResult.State.HOLDS);
        List<CheckResult> gone = only(facts, CheckResult.State.GONE);
        List<CheckResult> unknown = only(facts, CheckResult.State.UNKNOWN);
        boolean factsGone = mode == Verification.Mode.ANY ? !gone.isEmpty() : gone.size() == facts.size();
        Verdict v;
        String says;
        if (factsGone) {
            List<CheckResult> back = only(durable, CheckResult.State.HOLDS);
            List<CheckResult> unread = only(durable, CheckResult.State.UNKNOWN);
            if (!back.isEmpty()) {
                v = Verdict.NOT_DURABLE;
                says = words(gone) + "; but " + words(back);
            } else if (!unread.isEmpty()) {
                v = Verdict.COULD_NOT_TELL;
                says = words(gone) + "; whether the fix lasts could not be checked: " + words(unread);
            } else {
                v = Verdict.FIXED;
                says = words(gone) + (durable.isEmpty() ? "" : "; " + words(durable));
            }
        } else if (mode == Verification.Mode.ALL && !holding.isEmpty()) {
            v = gone.isEmpty() ? Verdict.NOT_FIXED : Verdict.PARTLY_FIXED;
            says = words(holding) + (gone.isEmpty() ? "" : "; " + words(gone));
        } else if (unknown.isEmpty()) {
            v = Verdict.NOT_FIXED;
            says = words(holding);
        } else {
            v = Verdict.COULD_NOT_TELL;
            says = words(unknown) + (holding.isEmpty() ? "" : "; " + words(holding));
        }
        return new DiagnosisVerdict(diagnosis, playbook, v, says, checks);
    }

    private static List<CheckResult> only(List<CheckResult> checks, CheckResult.State state) {
        Predicate<CheckResult> p = c -> c.state() == state;
        return checks.stream().filter(p).toList();
    }

    private static String words(List<CheckResult> checks) {
        return String.join("; ", checks.stream().map(c -> strip(c.says())).toList());
    }

    private static String strip(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
