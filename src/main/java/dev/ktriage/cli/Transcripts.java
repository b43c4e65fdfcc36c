package dev.ktriage.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where transcripts (and the REPL's history) go unless {@code --transcript} says otherwise. */
final class Transcripts {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Transcripts() {
    }

    static Path defaultPath(String playbook) {
        return stateDir().resolve("transcripts").resolve(STAMP.format(LocalDateTime.now()) + "-" + playbook + ".jsonl");
    }

    /** ktriage's folder in the user's state dir ($XDG_STATE_HOME, else ~/.local/state): transcripts, history. */
    static Path stateDir() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("ktriage");
    }
}
