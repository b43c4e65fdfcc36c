package dev.ktriage.playbook;

import dev.ktriage.playbook.lang.Condition;
import dev.ktriage.playbook.lang.Text;
import dev.ktriage.yaml.Location;
import java.util.List;

/**
 * A diagnosis's {@code verify:} block: the facts it rests on that {@code ktriage verify} re-reads
 * live after a fix, and what must also be gone for the fix to last.
 *
 * @param fixedWhen ANY when the diagnosis needs every fact at once (one that no longer holds fixes
 *                  it), ALL when each fact is a fault of its own (all must be gone; some gone is "partly fixed")
 * @param facts     each true ({@code holds}) while the diagnosed fault is there
 * @param durable   each true while something would bring the fault back (a setting new devices get,
 *                  a file read at the next boot or restart)
 */
public record Verification(Mode fixedWhen, List<Check> facts, List<Check> durable, Location at) {

    public enum Mode { ANY, ALL }

    public Verification {
        facts = List.copyOf(facts);
        durable = List.copyOf(durable);
    }

    /**
     * One fact re-read: the step whose gather is run again (with the values the session had when it
     * made the diagnosis, updated by the steps re-run before it), the check's own lets, whether the
     * fact still holds, and what it is now in words.
     */
    public record Check(String step, List<Let> lets, Condition holds, Text says, Location at) {

        public Check {
            lets = List.copyOf(lets);
        }
    }
}
