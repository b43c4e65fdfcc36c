package dev.ktriage.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The real {@code ./ktriage} launcher; it builds target/ktriage.jar when stale, which can take a minute. */
final class Launcher {

    static final Path ROOT = Path.of(System.getProperty("ktriage.root", ".")).toAbsolutePath();

    private Launcher() {
    }

    /** Runs the launcher once outside the terminal so the tests' timeouts measure ktriage, not Maven. */
    static void ensureJar() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ROOT.resolve("ktriage").toString(), "--version").directory(ROOT.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) throw new AssertionError("./ktriage --version failed:\n" + out);
    }

    static String seedScenario() {
        return ROOT.resolve("playbooks/failing-probes/scenarios/seed-coredns-cilium-rp-filter").toString();
    }
}
