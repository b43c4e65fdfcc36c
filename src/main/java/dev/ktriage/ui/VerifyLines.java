package dev.ktriage.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.json.JsonTrees;
import dev.ktriage.verify.CheckResult;
import dev.ktriage.verify.DiagnosisVerdict;
import dev.ktriage.verify.Round;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A verify round as the terminal shows it (batch, TUI, REPL) and as JSON. */
public final class VerifyLines {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private VerifyLines() {
    }

    /** Each diagnosis: its verdict, then each check with what it is now and the read it came from. */
    public static List<String> round(Round r) {
        List<String> out = new ArrayList<>();
        for (DiagnosisVerdict d : r.diagnoses()) {
            out.add(d.diagnosis() + " (" + d.playbook() + "): " + d.verdict().wireName().toUpperCase(java.util.Locale.ROOT));
            for (CheckResult c : d.checks()) {
                out.add(String.format("  %-8s %-20s %s", c.kind().wireName(), c.state().words(), c.says()));
                if (c.command() != null) out.add(String.format("  %-8s %-20s %s", "", "", "from: " + c.command()));
            }
            out.add("  → " + d.verdict().wireName() + ": " + d.says());
        }
        return out;
    }

    /** One line for a watch: the time, the round, the verdict. */
    public static String brief(Round r) {
        return time(r) + " round " + r.number() + ": " + r.verdict().wireName();
    }

    public static String time(Round r) {
        return r.at() == null ? "--:--:--" : CLOCK.format(r.at());
    }

    public static ObjectNode json(Round r) {
        ObjectNode o = JsonTrees.object();
        o.put("round", r.number());
        o.put("at", r.at() == null ? null : r.at().toString());
        o.put("verdict", r.verdict().wireName());
        ArrayNode ds = o.putArray("diagnoses");
        for (DiagnosisVerdict d : r.diagnoses()) {
            ObjectNode dj = ds.addObject();
            dj.put("id", d.diagnosis());
            dj.put("playbook", d.playbook());
            dj.put("verdict", d.verdict().wireName());
            dj.put("says", d.says());
            ArrayNode cs = dj.putArray("checks");
            for (CheckResult c : d.checks()) {
                ObjectNode cj = cs.addObject();
                cj.put("kind", c.kind().wireName());
                cj.put("step", c.step());
                cj.put("state", c.state().wireName());
                cj.put("says", c.says());
                cj.put("command", c.command());
            }
        }
        return o;
    }
}
