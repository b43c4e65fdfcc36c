package dev.ktriage.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real terminal for end-to-end tests: one tmux server on its own socket (so the tests never touch
 * the user's tmux), one window of a fixed size, keys in, screen text out.
 */
final class Tmux implements AutoCloseable {

    private final String socket;
    private final String session;

    private Tmux(String socket, String session) {
        this.socket = socket;
        this.session = session;
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code command} in a new cols x rows window; the window stays after it ends so its last words can be read. */
    static Tmux start(String name, int cols, int rows, Path dir, String command) throws IOException, InterruptedException {
        Tmux t = new Tmux("ktriage-test-" + ProcessHandle.current().pid() + "-" + name, name);
        t.run("new-session", "-d", "-s", name, "-x", String.valueOf(cols), "-y", String.valueOf(rows), "-c", dir.toString(),
                "env -u DISPLAY TERM=xterm-256color " + command + "; echo '[exited '$?']'; sleep 600");
        return t;
    }

    /** Keys as tmux names them ("Enter", "C-d", "Up") or literal text. */
    void send(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", session, "-l", "--", text); // "--": text may start with a dash
    }

    /** The visible screen; -J joins lines the terminal wrapped, so a long line reads as one. */
    String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-J", "-t", session);
    }

    /** Everything the pane printed, scrolled-off lines included. */
    String scrollback() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-J", "-S", "-", "-t", session);
    }

    /** Waits until the screen shows every needle; fails with the last screen. */
    String await(int seconds, String... needles) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String screen = screen();
            if (List.of(needles).stream().allMatch(screen::contains)) return screen;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + seconds + " s the screen does not show " + List.of(needles) + ":\n" + screen);
            }
            Thread.sleep(200);
        }
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("tmux " + List.of(args) + " failed: " + out);
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("kill-server");
    }
}
