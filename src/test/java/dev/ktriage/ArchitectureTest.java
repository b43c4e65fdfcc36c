package dev.ktriage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of DESIGN.md, checked on the sources: only the gateways and the lab touch fabric8,
 * sshj and MINA; only the TUI touches Lanterna, only the REPL JLine, only the CLI picocli; decisions
 * never reach for a client; nothing but the cli imports the cli (it wires the rest: the front ends get
 * what they need from it through ui interfaces such as SessionLauncher and CommandShell); only Main
 * exits the process; the gateways import nothing of the lab, which builds them pointed at itself; and
 * no two packages depend on each other, however indirectly, so that each layer can be read, tested
 * and changed on its own.
 */
class ArchitectureTest {

    private static final Path SRC = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    /** import prefix → packages allowed to use it */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "io.fabric8.kubernetes.client", List.of("dev.ktriage.gateway.cluster", "dev.ktriage.gateway.debugpod", "dev.ktriage.lab.api"),
            "io.fabric8.mockwebserver", List.of("dev.ktriage.lab.api"),
            "io.fabric8.kubernetes.api", List.of("dev.ktriage.gateway.cluster", "dev.ktriage.gateway.debugpod", "dev.ktriage.lab.api"),
            "net.schmizz", List.of("dev.ktriage.gateway.node"),
            "com.hierynomus", List.of("dev.ktriage.gateway.node"),
            "org.apache.sshd", List.of("dev.ktriage.lab.ssh"),
            "com.googlecode.lanterna", List.of("dev.ktriage.ui.tui"),
            "org.jline", List.of("dev.ktriage.ui.repl"),
            "picocli", List.of("dev.ktriage.cli"),
            // cel-java parses and checks expressions when the catalog is built; sessions run ktriage's interpreter
            "dev.cel", List.of("dev.ktriage.cel.compile"));

    /** Packages that judge evidence or model playbooks: no gateway implementation, no lab. */
    private static final List<String> PURE = List.of("dev.ktriage.engine", "dev.ktriage.playbook", "dev.ktriage.spi");
    private static final List<String> NOT_IN_PURE = List.of("dev.ktriage.gateway.cluster", "dev.ktriage.gateway.node",
            "dev.ktriage.lab", "dev.ktriage.ui", "dev.ktriage.cli", "dev.ktriage.transcript");

    /** The lab builds gateways pointed at itself (LabNodeGateway); a gateway knows nothing of the lab. */
    private static final String GATEWAY = "dev.ktriage.gateway";

    @Test
    void layersHold() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(SRC)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher pm = PACKAGE.matcher(text);
            String pkg = pm.find() ? pm.group(1) : "";
            Matcher im = IMPORT.matcher(text);
            while (im.find()) {
                String imp = im.group(1);
                for (Map.Entry<String, List<String>> rule : ALLOWED.entrySet()) {
                    if (imp.startsWith(rule.getKey() + ".") && rule.getValue().stream().noneMatch(pkg::startsWith)) {
                        violations.add(SRC.relativize(f) + " imports " + imp);
                    }
                }
                if (imp.startsWith("dev.ktriage.cli.") && !pkg.startsWith("dev.ktriage.cli")) {
                    violations.add(SRC.relativize(f) + " imports the cli: " + imp);
                }
                if (PURE.stream().anyMatch(pkg::startsWith) && NOT_IN_PURE.stream().anyMatch(p -> imp.startsWith(p + "."))) {
                    violations.add(SRC.relativize(f) + " (engine/playbook) imports " + imp);
                }
                if (pkg.startsWith(GATEWAY) && imp.startsWith("dev.ktriage.lab.")) {
                    violations.add(SRC.relativize(f) + " (gateway) imports the lab: " + imp);
                }
            }
            if (text.contains("System.exit(") && !f.endsWith(Path.of("dev/ktriage/cli/Main.java"))) {
                violations.add(SRC.relativize(f) + " calls System.exit");
            }
        }
        assertEquals(List.of(), violations);
        if (files.size() < 20) throw new AssertionError("expected the sources under " + SRC + ", found " + files.size());
    }

    @Test
    void noPackageCycles() throws IOException {
        PackageGraph graph = PackageGraph.of(SRC);
        assertTrue(graph.packages().size() >= 20, () -> "expected the packages under " + SRC + ", found " + graph.packages());
        List<String> cycles = graph.cycles();
        if (!cycles.isEmpty()) fail("package cycles:\n" + String.join("\n", cycles));
    }
}
