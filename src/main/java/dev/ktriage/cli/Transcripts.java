package dev.ktriage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Where transcripts (and the REPL's history) go unless {@code --transcript} says otherwise. */
final class Transcripts {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Transcripts() {
    }

    /** A new file for each session: two sessions of one playbook in the same second get -2, -3, ... */
    static Path defaultPath(String playbook) {
        return unique(stateDir().resolve("transcripts").resolve(STAMP.format(LocalDateTime.now()) + "-" + playbook + ".jsonl"));
    }

    /** {@code path} when nothing is there yet, else the first free {@code NAME-2.jsonl}, {@code NAME-3.jsonl}, ... */
    static synchronized Path unique(Path path) {
        Path p = path;
        for (int n = 2; Files.exists(p) || TAKEN.contains(p); n++) p = numbered(path, n);
        TAKEN.add(p);
        return p;
    }

    /** Paths handed out in this process whose file may not exist yet (a session writes it as it runs). */
    private static final Set<Path> TAKEN = new HashSet<>();

    /** {@code NAME.jsonl} as {@code NAME-N.jsonl}. */
    static Path numbered(Path path, int n) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        return path.resolveSibling(numbered);
    }

    /**
     * The transcripts of one run that may start several sessions (the TUI's `n`): the first session
     * writes {@code first}, each later one {@code first}-2, -3, ... so none overwrites another.
     */
    static final class PerSession implements Function<String, Path> {
        private final Path first;
        private final List<Path> given = new ArrayList<>();

        PerSession(Path first) {
            this.first = first;
        }

        @Override
        public synchronized Path apply(String playbook) {
            Path p = given.isEmpty() ? first : numbered(first, given.size() + 1);
            given.add(p);
            return p;
        }

        synchronized List<Path> given() {
            return List.copyOf(given);
        }
    }

    /** ktriage's folder in the user's state dir ($XDG_STATE_HOME, else ~/.local/state): transcripts, history. */
    static Path stateDir() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("ktriage");
    }
}
