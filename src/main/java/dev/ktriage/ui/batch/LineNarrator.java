package dev.ktriage.ui.batch;

import dev.ktriage.engine.Diagnosis;
import dev.ktriage.engine.SessionListener;
import dev.ktriage.engine.StepRecord;
import dev.ktriage.engine.StepStatus;
import java.io.PrintWriter;
import java.util.Map;

/** Tells the session as it happens, line by line: for terminals without a TUI, for logs, for the demo. */
public final class LineNarrator implements SessionListener {

    private final PrintWriter out;
    private int number;

    public LineNarrator(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void sessionStarted(String playbook, Map<String, String> inputs, String namespace) {
        out.println("== playbook " + playbook + (inputs.isEmpty() ? "" : " " + inputs));
    }

    @Override
    public void stepStarted(String stepId, String title, String explain, String command) {
        out.println();
        out.println("[" + (++number) + "] " + title + "  (" + stepId + ")");
        if (!explain.isBlank()) out.println(indent(wrap(explain.strip(), 92), "    "));
        if (command != null) out.println("    $ " + command);
    }

    @Override
    public void stepFinished(StepRecord s) {
        if (s.status() == StepStatus.INCONCLUSIVE) {
            out.println("    ? inconclusive: " + s.reason());
            return;
        }
        for (String q : s.quotes()) out.println("    | " + q.strip());
        if (!s.says().isBlank()) out.println("    => " + s.says().strip());
        out.flush();
    }

    @Override
    public void handedOff(String fromPlaybook, String toPlaybook, Map<String, String> inputs) {
        out.println();
        out.println("== handing off from " + fromPlaybook + " to " + toPlaybook + " " + inputs);
    }

    @Override
    public void diagnosed(Diagnosis d) {
        out.println("    !! diagnosis: " + d.id() + " — " + d.title());
        out.flush();
    }

    private static String indent(String s, String prefix) {
        return prefix + s.replace("\n", "\n" + prefix);
    }

    static String wrap(String text, int width) {
        StringBuilder b = new StringBuilder();
        int col = 0;
        for (String word : text.split("\\s+")) {
            if (col > 0 && col + 1 + word.length() > width) {
                b.append('\n');
                col = 0;
            } else if (col > 0) {
                b.append(' ');
                col++;
            }
            b.append(word);
            col += word.length();
        }
        return b.toString();
    }
}
