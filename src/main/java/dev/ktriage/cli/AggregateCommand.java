package dev.ktriage.cli;

import dev.ktriage.engine.BadInputException;
import dev.ktriage.fleet.FleetSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "aggregate", description = {
        "Summarize transcripts made anywhere (one per context: fleet, or run on many machines) as fleet does:",
        "contexts grouped by diagnosis, then the healthy, could-not-tell and error ones. A context is the transcript's",
        "recorded context, else its file name without .jsonl.",
        "Exit codes as fleet: 0 nothing diagnosed and no error, 4 at least one diagnosed, 1 an error (or an unreadable transcript)."})
final class AggregateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TRANSCRIPT", description = "Transcript files, or folders whose *.jsonl are read.")
    List<Path> transcripts;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    RunCommand.Output output;

    @Override
    public Integer call() {
        List<Path> files = new ArrayList<>();
        for (Path p : transcripts) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> s = Files.list(p)) {
                s.filter(f -> f.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(f)).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) throw new BadInputException("no transcripts (*.jsonl) in " + transcripts);
        FleetSummary summary = FleetSummary.of(files);
        FleetCommand.print(spec.commandLine().getOut(), summary, output);
        return summary.exitCode();
    }
}
