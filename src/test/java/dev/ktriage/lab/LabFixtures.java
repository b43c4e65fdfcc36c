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
     * A copy of the seed scenario in {@code to} whose node answers the route lookup of step
     * {@link #SLOW_STEP} only after a minute: far later than any stop a test makes.
     */
    public static Path slowSeed(Path to) throws IOException {
        Path from = Path.of(System.getProperty("ktriage.root", "."), "playbooks", "failing-probes", "scenarios", "seed-coredns-cilium-rp-filter");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(dest);
                else Files.copy(f, dest);
            }
        }
        Path node = to.resolve("nodes/node0.yaml");
        String slow = Files.readString(node).replace("  - run: \"ip route get 10.0.0.113\"\n",
                "  - run: \"ip route get 10.0.0.113\"\n    delayMs: 60000\n");
        if (!slow.contains("delayMs: 60000")) throw new IllegalStateException("the seed's node0 no longer answers `ip route get 10.0.0.113`");
        Files.writeString(node, slow);
        return to;
    }
}
