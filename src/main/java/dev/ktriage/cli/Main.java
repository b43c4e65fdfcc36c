package dev.ktriage.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** Wires the command line and maps failures to one line on stderr and an exit code. */
public final class Main {

    /**
     * The name ktriage goes by in its usage and hints, when not {@code ktriage}: src/main/dist/kubectl-triage
     * sets {@code kubectl triage}. Subcommands follow, as picocli names them after their parent.
     */
    static final String COMMAND_NAME = "KTRIAGE_COMMAND_NAME";

    private Main() {
    }

    public static void main(String[] args) {
        int exit = execute(args);
        if (System.getProperty(CdsTraining.PROPERTY) != null) CdsTraining.exercise();
        System.exit(exit);
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs ktriage as a process would, without exiting: tests call this with their own writers. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        // Start-up fast paths: `ktriage --version`, `ktriage list` alone and a plain `ktriage replay FILE`
        // do what picocli would, without building the command model, which is most of their start
        // (picocli's classes are Java 5 bytecode: no class-data sharing, old verifier). Anything else
        // goes through picocli.
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            for (String line : new Version().getVersion()) out.println(line);
            out.flush();
            return 0;
        }
        if (args.length == 1 && args[0].equals("list")) {
            try {
                return ListCommand.print(out, new PlaybookOptions().reportingTo(err));
            } catch (RuntimeException e) {
                err.println("ktriage: " + Errors.oneLine(e));
                err.flush();
                return 1;
            }
        }
        boolean debug = Arrays.asList(args).contains("--debug");
        if (args.length > 1 && args[0].equals("replay")) {
            Integer exit = FastReplay.run(out, err, debug, args);
            if (exit != null) return exit;
        }
        CommandLine cl = new CommandLine(new KtriageCommand());
        String name = System.getenv(COMMAND_NAME);
        if (name != null && !name.isBlank()) cl.setCommandName(name.strip());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println("ktriage: " + Errors.oneLine(ex));
            if (debug) ex.printStackTrace(cmd.getErr());
            else cmd.getErr().flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("ktriage: " + ex.getMessage() + " (see: " + cmd.getCommandSpec().qualifiedName(" ") + " --help)");
            if (debug) ex.printStackTrace(cmd.getErr());
            return 1;
        });
        return cl.execute(args);
    }
}
