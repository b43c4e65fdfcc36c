package dev.ktriage.cli;

import dev.ktriage.engine.BadInputException;
import dev.ktriage.engine.Outcome;
import dev.ktriage.engine.SessionResult;
import dev.ktriage.engine.triage.Suggestion;
import dev.ktriage.engine.triage.Triage;
import dev.ktriage.fleet.FleetSummary;
import dev.ktriage.gateway.cluster.Fabric8ClusterGateway;
import dev.ktriage.lab.scenario.ScenarioLoader;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.transcript.TranscriptWriter;
import dev.ktriage.ui.batch.BatchOperator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fleet", description = {
        "Run a playbook (or triage and the playbook it suggests) on many clusters at once: one client per kubeconfig",
        "context (or lab), at most --parallel at a time, one transcript each, then one summary grouped by diagnosis.",
        "Progress goes to stderr, one line when each context starts and ends.",
        "Exit codes: 0 nothing diagnosed and no error, 4 at least one context diagnosed, 1 an error in some context"
                + " (and none diagnosed) or bad usage."})
final class FleetCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAYBOOK|triage",
            description = "Playbook id (see: ${ROOT-COMMAND-NAME} list), or triage: scan each context and run the playbook ranked first there.")
    String playbook;

    @Option(names = "--contexts", split = ",", paramLabel = "NAME", description = "Kubeconfig contexts, comma-separated (repeatable).")
    List<String> contexts = new ArrayList<>();

    @Option(names = "--all-contexts", description = "Every context of the kubeconfig.")
    boolean allContexts;

    @Option(names = "--lab", paramLabel = "DIR", description = "A lab scenario folder as one more member, named after the folder (repeatable).")
    List<Path> labs = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4", description = "At most N contexts at a time (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "An input or an answer for every context, e.g. --set key=net.ipv4.conf.all.rp_filter."
            + " With triage: an answer only (the inputs are the suggestion's).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--set-in", paramLabel = "CONTEXT:KEY=VALUE", description = "An input or answer for one context only; wins over --set"
            + " (the context is what comes before the last ':' before the '=').")
    List<String> setIn = new ArrayList<>();

    @Option(names = "--answers", paramLabel = "FILE", description = "YAML map of question id to answer, for every context.")
    Path answersFile;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    RunCommand.Output output;

    @Option(names = "--transcripts", paramLabel = "DIR", description = "Where to write CONTEXT.jsonl, one per context"
            + " (default: a new folder fleet-TIME under ~/.local/state/ktriage/transcripts/).")
    Path transcripts;

    /** Each member's connection options: the same for every context. */
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    PlaybookOptions playbooks = new PlaybookOptions();

    /** One member of the fleet: a kubeconfig context, or a lab folder. */
    record Member(String name, String context, Path lab) {
    }

    /** How one member ended: its transcript, or no session at all (triage found no known symptom). */
    private record Done(Member member, Path transcript) {
    }

    private final Object progressLock = new Object();

    @Override
    public Integer call() throws Exception {
        if (parallel < 1) throw new BadInputException("--parallel must be at least 1");
        boolean triage = playbook.equals("triage");
        PlaybookCatalog catalog = playbooks.catalog();
        Map<String, Map<String, String>> perContext = perContext();
        if (!triage) {
            catalog.require(playbook);
            RunCommand.checkSetKeys(catalog, playbook, set.keySet());
            for (Map<String, String> m : perContext.values()) RunCommand.checkSetKeys(catalog, playbook, m.keySet());
        }
        List<Member> members = members();
        for (String name : perContext.keySet()) {
            if (members.stream().noneMatch(m -> m.name().equals(name))) throw new BadInputException("--set-in " + name + ": no such context in this fleet");
        }
        Path dir = transcripts != null ? transcripts : Transcripts.unique(Transcripts.stateDir().resolve("transcripts")
                .resolve("fleet-" + STAMP.format(LocalDateTime.now())));
        Map<Member, Path> paths = transcriptPaths(members, dir);
        Map<String, String> fileAnswers = RunCommand.readAnswers(answersFile);

        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, members.size()), r -> {
            Thread t = new Thread(r, "ktriage-fleet");
            t.setDaemon(true);
            return t;
        });
        List<Done> done = new ArrayList<>();
        try {
            List<Future<Done>> futures = new ArrayList<>();
            for (Member m : members) {
                futures.add(pool.submit(() -> {
                    Done d = runOne(catalog, m, paths.get(m), triage, perContext.getOrDefault(m.name(), Map.of()), fileAnswers);
                    finished.incrementAndGet();
                    return d;
                }));
            }
            for (Future<Done> f : futures) {
                try {
                    done.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<Path> written = done.stream().filter(d -> d.transcript() != null).map(Done::transcript).toList();
        List<String> quiet = done.stream().filter(d -> d.transcript() == null).map(d -> d.member().name()).toList();
        FleetSummary summary = FleetSummary.of(written, quiet);
        print(spec.commandLine().getOut(), summary, output);
        return summary.exitCode();
    }

    static void print(PrintWriter out, FleetSummary summary, RunCommand.Output output) {
        switch (output) {
            case json -> out.println(TextOrJson.print(summary.json()));
            case markdown -> out.print(summary.markdown());
            default -> out.print(summary.text());
        }
        out.flush();
    }

    /**
     * One member, on a pool thread: its own target (one fabric8 client, one SSH gateway, or its own lab), its
     * session written to its transcript, an error written as a transcript too so that the summary (and
     * aggregate) sees it.
     */
    private Done runOne(PlaybookCatalog catalog, Member m, Path path, boolean triage, Map<String, String> own,
                        Map<String, String> fileAnswers) {
        long start = System.nanoTime();
        progress(m.name() + ": started");
        String pb = triage ? "triage" : playbook;
        Map<String, String> inputs = new LinkedHashMap<>();
        if (!triage) {
            inputs.putAll(set);
            inputs.putAll(own);
        }
        try (Target t = open(m)) {
            if (triage) {
                List<Suggestion> found = new Triage(t.cluster()).scan(List.copyOf(catalog.all()));
                if (found.isEmpty()) {
                    progress(m.name() + ": no known symptoms" + took(start));
                    return new Done(m, null);
                }
                pb = found.get(0).playbook();
                inputs.putAll(found.get(0).set());
            }
            Map<String, String> answers = new LinkedHashMap<>(fileAnswers);
            answers.putAll(set);
            answers.putAll(own);
            new SessionRunner(catalog, t, connection.namespace, p -> path, m.name()).run(pb, Map.copyOf(inputs), new BatchOperator(answers), null);
        } catch (RuntimeException e) {
            writeError(path, m.name(), pb, inputs, Errors.oneLine(e));
        }
        FleetSummary.Session s = FleetSummary.read(path);
        String says = switch (s.conclusion()) {
            case "diagnosed" -> "diagnosed " + String.join(", ", s.diagnoses().stream().map(FleetSummary.Found::id).toList());
            case "healthy" -> "healthy";
            default -> s.conclusion() + (s.reason() == null ? "" : ": " + s.reason());
        };
        progress(m.name() + ": " + says + " (" + s.playbook() + took(start).replace(" (", ", "));
        return new Done(m, path);
    }

    private static String took(long start) {
        return String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - start) / 1e9);
    }

    /** A context that failed before or outside its session (no such context, a lab that does not load): an error transcript. */
    private void writeError(Path path, String name, String pb, Map<String, String> inputs, String reason) {
        try (TranscriptWriter w = new TranscriptWriter(path, Clock.systemUTC(), Version.current(), name)) {
            w.sessionStarted(pb, inputs, connection.namespace != null ? connection.namespace : "default");
            w.sessionEnded(new SessionResult(pb, Outcome.ERROR, List.of(), List.of(), reason));
        }
    }

    private void progress(String line) {
        synchronized (progressLock) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("fleet: " + line);
            err.flush();
        }
    }

    private Target open(Member m) {
        if (m.lab() != null) {
            return Target.lab(ScenarioLoader.load(m.lab()), Duration.ofSeconds(Math.max(1, connection.timeoutSeconds)), connection);
        }
        TargetOptions o = new TargetOptions();
        o.mixee = spec;
        o.context = m.context();
        o.connection = connection;
        return Target.open(o);
    }

    /** Labs (named after their folder), then contexts (--contexts in order, or the kubeconfig's); every name once. */
    List<Member> members() {
        List<Member> out = new ArrayList<>();
        for (Path lab : labs) {
            Path name = lab.toAbsolutePath().normalize().getFileName();
            out.add(new Member(name == null ? lab.toString() : name.toString(), null, lab));
        }
        List<String> names = new ArrayList<>(contexts);
        if (allContexts) {
            if (!contexts.isEmpty()) throw new BadInputException("--contexts and --all-contexts: give one of them");
            names.addAll(Fabric8ClusterGateway.contexts(connection.kubeconfig));
        }
        for (String c : names) {
            if (c.isBlank()) throw new BadInputException("--contexts: an empty context name");
            out.add(new Member(c, c, null));
        }
        if (out.isEmpty()) throw new BadInputException("fleet needs members: --contexts A,B, --all-contexts or --lab DIR (repeatable)");
        Set<String> seen = new HashSet<>();
        for (Member m : out) if (!seen.add(m.name())) throw new BadInputException("fleet member '" + m.name() + "' given twice");
        return out;
    }

    /** {@code --set-in CONTEXT:KEY=VALUE}, by context. */
    private Map<String, Map<String, String>> perContext() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String s : setIn) {
            int eq = s.indexOf('=');
            int colon = eq < 0 ? -1 : s.lastIndexOf(':', eq);
            if (colon <= 0 || colon == eq - 1) throw new BadInputException("--set-in " + s + ": expected CONTEXT:KEY=VALUE");
            out.computeIfAbsent(s.substring(0, colon), k -> new LinkedHashMap<>()).put(s.substring(colon + 1, eq), s.substring(eq + 1));
        }
        return out;
    }

    /** DIR/NAME.jsonl, the name kept to letters, digits, '.', '_' and '-' (others become '_'); a clash gets -2, -3, ... */
    static Map<Member, Path> transcriptPaths(List<Member> members, Path dir) {
        Map<Member, Path> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Member m : members) {
            String base = fileName(m.name());
            String name = base;
            for (int n = 2; !taken.add(name); n++) name = base + "-" + n;
            out.put(m, dir.resolve(name + ".jsonl"));
        }
        return out;
    }

    static String fileName(String context) {
        String s = context.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }
}
