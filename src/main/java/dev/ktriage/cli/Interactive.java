package dev.ktriage.cli;

import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.engine.triage.Triage;
import dev.ktriage.ui.SessionLauncher.FinishedSession;
import dev.ktriage.ui.Suggestion;
import dev.ktriage.ui.Workspace;
import java.util.ArrayList;
import java.util.List;
import dev.ktriage.ui.repl.ReplApp;
import dev.ktriage.ui.tui.TuiApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Opens the interactive front ends. The TUI and REPL classes are named only inside method bodies,
 * so Lanterna and JLine load only when a front end really opens, never for `run` or `--help`.
 */
final class Interactive {

    private Interactive() {
    }

    /**
     * A terminal a full-screen UI can own: a console (not a pipe or a file) that is not dumb.
     * {@code KTRIAGE_UI=line} forces line mode, for screen readers and for logging a session.
     */
    static boolean terminal() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.isBlank() && !term.equals("dumb")
                && !"line".equals(System.getenv("KTRIAGE_UI"));
    }

    /** Says once why there is no full screen; the caller goes on in line mode. */
    static void lineModeNotice(PrintWriter err) {
        err.println("ktriage: no interactive terminal (or TERM=dumb, or KTRIAGE_UI=line): line mode, no full-screen TUI");
        err.flush();
    }

    static Workspace workspace(PlaybookCatalog catalog, Target target, String namespace, Workspace.Preset preset,
                               Function<String, Path> transcriptFor) {
        SessionRunner sessions = new SessionRunner(catalog, target, namespace, transcriptFor);
        return new Workspace(catalog, sessions, target.cluster(), target.nodes(), target.cluster().describe(),
                () -> triage(catalog, target), preset, Transcripts.stateDir());
    }

    /** What the start screen shows first: the symptoms triage finds, each with the playbook it suggests. */
    static List<Suggestion> triage(PlaybookCatalog catalog, Target target) {
        List<Suggestion> out = new ArrayList<>();
        for (dev.ktriage.engine.triage.Suggestion s : new Triage(target.cluster()).scan(List.copyOf(catalog.all()))) {
            String symptom = s.signs().isEmpty() ? s.title() : String.join("; ", s.signs());
            out.add(new Suggestion(symptom, s.playbook(), s.set()));
        }
        return out;
    }

    /**
     * The TUI until the operator quits; then, on the normal screen, where each session's transcript
     * is (the full screen is gone by then, and with it what the end screen said).
     *
     * @param replay how this user runs replay ({@code ./ktriage replay} from a checkout)
     * @param afterFix for a diagnosed session, the verify command lines to suggest (the demo's labs after a fix), or none
     */
    static void tui(Workspace workspace, boolean stepThrough, PrintWriter out, String replay,
                    java.util.function.Function<FinishedSession, List<String>> afterFix) throws IOException {
        List<FinishedSession> ended = TuiApp.runOnConsole(workspace, stepThrough);
        if (ended.isEmpty()) out.println("ktriage: no session was run");
        for (FinishedSession f : ended) {
            out.println("ktriage: " + f.result().playbook() + " " + f.result().outcome().wireName() + ", transcript " + f.transcript());
            out.println("  Replay it offline:  " + replay + " " + f.transcript());
            afterFix.apply(f).forEach(line -> out.println("  After a fix:        " + line));
        }
        out.flush();
    }

    static void repl(Workspace workspace) throws IOException {
        ReplApp.run(workspace, new PicocliShell(workspace));
    }
}
