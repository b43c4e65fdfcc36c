package dev.ktriage.ui.repl;

import dev.ktriage.ui.CommandShell;
import dev.ktriage.ui.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code ktriage repl}: reads commands with JLine (completion, history kept in the state dir),
 * runs them through {@link ReplCommands}, prints what they return. The session's own narration
 * arrives from the engine thread and is printed above the prompt, so typing is never garbled.
 */
public final class ReplApp {

    private ReplApp() {
    }

    /** @param shared the commands the REPL shares with the command line (list, triage, ...) */
    public static void run(Workspace ws, CommandShell shared) throws IOException {
        Files.createDirectories(ws.stateDir());
        // dumb(true): a pipe or TERM=dumb gets a plain line reader instead of a warning and a failure
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            PrintWriter out = terminal.writer();
            LineReader[] holder = new LineReader[1];
            ReplCommands[] self = new ReplCommands[1];
            ReplCommands commands = new ReplCommands(ws, shared, text -> {
                try {
                    if (holder[0] instanceof LineReaderImpl r && r.isReading() && self[0] != null) {
                        // the engine moved on (a step started, the session ended): the prompt redrawn
                        // under the text says where it is now, not where it was when the line began
                        r.setPrompt(self[0].prompt());
                        r.printAbove(text);
                    } else if (holder[0] != null) holder[0].printAbove(text);
                    else {
                        out.println(text);
                        out.flush();
                    }
                } catch (IllegalStateException closed) {
                    // an abandoned session's engine thread, still winding down after the operator left
                }
            });
            self[0] = commands;
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("ktriage")
                    .completer(new ReplCompleter(commands))
                    .variable(LineReader.HISTORY_FILE, ws.stateDir().resolve("repl_history"))
                    .build();
            holder[0] = reader;
            // Ctrl-C while a command runs (get, ssh, triage, plugin test...): interrupt that command, not the
            // REPL. readLine puts its own handler in place while it reads, and this one back afterwards.
            Thread loop = Thread.currentThread();
            AtomicBoolean executing = new AtomicBoolean();
            AtomicBoolean interrupted = new AtomicBoolean();
            terminal.handle(Terminal.Signal.INT, signal -> {
                if (executing.get()) {
                    interrupted.set(true);
                    loop.interrupt();
                }
            });
            out.println("ktriage repl on " + ws.where() + ": help lists the commands; Tab completes; Ctrl-D saves and leaves.");
            while (!commands.quit()) {
                String line;
                try {
                    line = reader.readLine(commands.prompt());
                } catch (UserInterruptException e) {
                    // Ctrl-C cancels a running gather; otherwise it drops the line being typed, as in a shell.
                    String cancelled = commands.interrupt();
                    if (!cancelled.isEmpty()) out.println(cancelled);
                    continue;
                } catch (EndOfFileException e) {
                    out.println(commands.exit());
                    break;
                }
                String result;
                executing.set(true);
                try {
                    result = commands.execute(line);
                } finally {
                    executing.set(false);
                    Thread.interrupted(); // the next readLine must not start interrupted
                }
                // help is written for a wide screen: wrapped to this terminal, its descriptions stay in their column
                if (line.strip().startsWith("help") || line.strip().startsWith("?")) result = ReplHelp.wrap(result, terminal.getWidth());
                if (!result.isEmpty()) out.println(result);
                if (interrupted.getAndSet(false)) out.println("(Ctrl-C: the command was asked to stop; the REPL goes on)");
                out.flush();
            }
            out.flush();
            reader.getHistory().save();
        }
    }
}
