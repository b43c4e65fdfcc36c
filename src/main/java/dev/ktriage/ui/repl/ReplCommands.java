package dev.ktriage.ui.repl;

import dev.ktriage.engine.AccessPreflight;
import dev.ktriage.playbook.Input;
import dev.ktriage.playbook.InputKeys;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.ui.CommandShell;
import dev.ktriage.ui.SessionLauncher.FinishedSession;
import dev.ktriage.ui.Workspace;
import dev.ktriage.ui.batch.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The REPL's commands, one line in, text out. Knows nothing of JLine, so tests drive it directly;
 * {@link ReplApp} reads the lines and prints what comes back. The session commands are its own; the
 * commands it shares with the command line ({@code list}, {@code triage}, ...) come from a
 * {@link CommandShell} and print as they run.
 */
final class ReplCommands {

    static final List<String> NAMES = List.of("start", "next", "step", "continue", "why", "evidence", "answer",
            "back", "abort", "stop", "report", "save", "verify", "get", "ssh", "help", "quit");

    private final Workspace ws;
    private final CommandShell shell;
    private final Consumer<String> print;
    private final AdHocReads reads;
    private SteppedSession session;
    /** The step {@code why}/{@code evidence} talk about: the newest unless the operator went back. */
    private int cursor = -1;
    private boolean quit;
    private Path saved;

    /** Only the REPL's own commands. */
    ReplCommands(Workspace ws, Consumer<String> print) {
        this(ws, CommandShell.NONE, print);
    }

    ReplCommands(Workspace ws, CommandShell shell, Consumer<String> print) {
        this.ws = ws;
        this.shell = shell;
        this.print = print;
        this.reads = new AdHocReads(ws, read -> session != null && session.record(read));
    }

    CommandShell shell() {
        return shell;
    }

    /** Every command the prompt knows: the REPL's own, then the shared ones. */
    List<String> names() {
        List<String> all = new ArrayList<>(NAMES);
        shell.names().stream().filter(n -> !all.contains(n)).forEach(all::add);
        return all;
    }

    boolean quit() {
        return quit;
    }

    String prompt() {
        String s = session == null ? "" : " " + session.playbook + (session.running() ? "#" + session.steps.size() : " done");
        return "ktriage [" + ws.where() + "]" + s + "> ";
    }

    String execute(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) return "";
        int sp = trimmed.indexOf(' ');
        String cmd = sp < 0 ? trimmed : trimmed.substring(0, sp);
        String rest = sp < 0 ? "" : trimmed.substring(sp + 1).strip();
        List<String> args = rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+"));
        if (!NAMES.contains(cmd) && shell.names().contains(cmd)) return shared(trimmed);
        try {
            return switch (cmd) {
                case "help", "?" -> ReplHelp.of(rest, shell);
                case "start" -> start(args);
                case "next", "step" -> next();
                case "continue" -> session().finished() != null ? "the session has ended (report, save; start begins another)"
                        : withSession(s -> s.runToEnd(), "running to the end");
                case "why" -> step().why();
                case "evidence" -> step().evidenceText();
                case "answer" -> answer(rest);
                case "back" -> back();
                case "abort", "stop" -> session().abort() ? "stopping the session: it takes no further step and ends interrupted"
                        : "the session has ended (report, save; start begins another)";
                case "report" -> TextReport.render(finished().result(), finished().transcript(), finished().info());
                case "save" -> save(rest.isEmpty() ? null : Path.of(rest));
                case "verify" -> verify(rest.isEmpty() ? null : Path.of(rest));
                case "get" -> reads.get(args);
                case "ssh" -> ssh(rest);
                case "quit", "exit" -> exit();
                default -> {
                    String near = InputKeys.closest(cmd, names());
                    yield "unknown command '" + cmd + "'" + (near != null ? " (did you mean '" + near + "'?)" : "") + " (help lists them)";
                }
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "error: " + e.getMessage();
        }
    }

    /** Ctrl-C at the prompt: cancel the gather that is running, if any; "" when there is none. */
    String interrupt() {
        if (session == null || !session.cancelGather()) return "";
        return "cancelling the running gather: its step will be inconclusive and the session ends interrupted";
    }

    /** Ctrl-D or quit: keep the report of a finished session that was not saved yet, then leave. */
    String exit() {
        quit = true;
        if (session == null) return "bye";
        session.abandon();
        if (session.finished() == null || saved != null) return "bye";
        return save(null) + "\nbye";
    }

    /** A command shared with the command line: its output and its one-line errors print as they come. */
    private String shared(String line) {
        try (PrintWriter out = new PrintWriter(new LineWriter(print))) {
            shell.execute(List.of(line.split("\\s+")), out, out);
        }
        return "";
    }

    private String start(List<String> args) {
        if (args.isEmpty()) throw new IllegalArgumentException("usage: start PLAYBOOK [key=value...]");
        if (session != null && session.running()) throw new IllegalStateException("a session is running: continue it, abort it, or quit");
        Playbook p = ws.catalog().find(args.get(0)).orElseThrow(() -> new IllegalArgumentException("no playbook '" + args.get(0) + "' (list shows them)"));
        Map<String, String> inputs = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            // `--set key=value`, as `ktriage run` takes it, or plain key=value
            String kv = args.get(i);
            if (kv.equals("--set") && i + 1 < args.size()) kv = args.get(++i);
            else if (kv.startsWith("--set=")) kv = kv.substring("--set=".length());
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("'" + kv + "' is not key=value");
            inputs.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        for (Input in : p.inputs()) {
            if (in.required() && !inputs.containsKey(in.id())) {
                print.accept("input '" + in.id() + "' is missing: the session will ask for it");
            }
        }
        // Say up front which steps these credentials will leave inconclusive, as `ktriage run` does.
        for (String line : AccessPreflight.lines(ws.preflight(p, inputs))) print.accept("preflight: " + line);
        saved = null;
        cursor = -1;
        session = SteppedSession.start(ws, p.id(), inputs, print);
        return "started " + p.id() + " " + inputs + " (it pauses before each step: next, or continue)";
    }

    private String next() {
        SteppedSession s = session();
        if (cursor >= 0 && cursor < s.steps.size() - 1) {
            cursor++;
            return s.steps.get(cursor).why();
        }
        cursor = -1;
        if (s.next()) return "";
        if (s.pending() != null) return "the session waits for an answer: answer VALUE";
        return s.running() ? "the step is still running" : "the session has ended (report, save)";
    }

    private String back() {
        SteppedSession s = session();
        if (s.steps.isEmpty()) return "no step yet";
        int at = cursor < 0 ? s.steps.size() - 1 : cursor;
        if (at == 0) return "this is the first step";
        cursor = at - 1;
        return s.steps.get(cursor).why();
    }

    private String answer(String value) {
        if (value.isBlank()) throw new IllegalArgumentException("usage: answer VALUE");
        if (!session().answer(value)) return "no question is waiting";
        return "";
    }

    /** After a fix: the finished session's (or a transcript's) diagnoses re-read live, on this target. */
    private String verify(Path file) {
        Path transcript = file != null ? file : finished().transcript();
        Workspace.Verified v;
        try {
            v = ws.verify(transcript);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) throw e;
            throw new IllegalStateException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        List<String> out = new ArrayList<>(dev.ktriage.ui.VerifyLines.round(v.round()));
        out.add("Verdict: " + v.round().verdict().wireName());
        out.add("Transcript: " + v.transcript());
        return String.join("\n", out);
    }

    private String save(Path file) {
        FinishedSession f = finished();
        Path target = file != null ? file : f.transcript().resolveSibling(f.transcript().getFileName().toString().replaceFirst("\\.jsonl$", "") + ".md");
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(target, TextReport.render(f.result(), f.transcript(), f.info()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + target + ": " + e.getMessage());
        }
        saved = target;
        return "report written: " + target;
    }

    private String ssh(String rest) {
        int sp = rest.indexOf(' ');
        if (sp < 0) throw new IllegalArgumentException("usage: ssh NODE COMMAND [ARGS...]");
        return reads.ssh(rest.substring(0, sp), rest.substring(sp + 1).strip());
    }

    private String withSession(Consumer<SteppedSession> action, String said) {
        action.accept(session());
        return said;
    }

    private SteppedSession session() {
        if (session == null) throw new IllegalStateException("no session: start PLAYBOOK [key=value...]");
        return session;
    }

    private ReplStep step() {
        SteppedSession s = session();
        if (s.steps.isEmpty()) throw new IllegalStateException("no step yet");
        return s.steps.get(cursor < 0 ? s.steps.size() - 1 : cursor);
    }

    private FinishedSession finished() {
        FinishedSession f = session().finished();
        if (f == null) throw new IllegalStateException("the session has not ended yet (continue runs it to the end)");
        return f;
    }

    Workspace workspace() {
        return ws;
    }
}
