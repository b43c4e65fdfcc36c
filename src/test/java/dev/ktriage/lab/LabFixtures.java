package dev.ktriage.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Scenario folders under src/test/resources/lab-fixtures, and variants of the built-in ones. */
public final class LabFixtures {

    /** The step of the seed session that {@link #slowSeed} slows down, and its title. */
    public static final String SLOW_STEP = "node-route";
    public static final String SLOW_STEP_TITLE = "Ask the node how it reaches the pod";

    private LabFixtures() {
    }

    public static Path dir(String name) {
        return Path.of(System.getProperty("ktriage.root", "."), "src", "test", "resources", "lab-fixtures", name);
    }

    /**
     * A copy of the seed scenario in {@code to} whose node answers its commands (the route lookup of
     * step {@link #SLOW_STEP} first) only after a minute: far later than any stop a test makes, and
     * past the steps' own timeouts, so a stop that comes late on a loaded machine still lands in a
     * gather.
     */
    public static Path slowSeed(Path to) throws IOException {
        copy(Path.of(System.getProperty("ktriage.root", "."), "playbooks", "failing-probes", "scenarios", "seed-coredns-cilium-rp-filter"), to);
        Path node = to.resolve("nodes/node0.yaml");
        String text = Files.readString(node);
        if (!text.contains("  - run: \"ip route get 10.0.0.113\"\n")) {
            throw new IllegalStateException("the seed's node0 no longer answers `ip route get 10.0.0.113`");
        }
        String slow = text.replaceAll("(?m)^(  - (run|match): .*)$", "$1\n    delayMs: 60000");
        Files.writeString(node, slow);
        return to;
    }

    /** A scenario folder copied whole into {@code to}, to be changed there. */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(dest);
                else Files.copy(f, dest);
            }
        }
        return to;
    }
}
