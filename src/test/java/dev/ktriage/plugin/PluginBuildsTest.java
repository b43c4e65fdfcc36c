package dev.ktriage.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two plugins in plugins/ pass their scenarios; packet-drops' jar is built by its own pom
 * (against ktriage's SPI, here the classes of this build) and loaded from a path, with its Java
 * extractors. The plugin's own tests (incl. PluginAssertions on its scenarios) need the packaged
 * ktriage jar and run in the plugin's own build.
 */
class PluginBuildsTest {

    @TempDir
    Path tmp;

    @Test
    void packetDropsBuildsWithItsOwnPomAndLoadsFromAPath() throws Exception {
        Path spi = jarOf(Path.of("target/classes"), tmp.resolve("ktriage-spi.jar"));
        Path plugin = copy(Path.of("plugins/packet-drops"), tmp.resolve("packet-drops"));
        Process mvn = new ProcessBuilder("mvn", "-B", "-q", "-ntp", "-Dktriage.jar=" + spi, "-DskipTests", "package")
                .directory(plugin.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("mvn.log").toFile()).start();
        assertTrue(mvn.waitFor(10, TimeUnit.MINUTES), "plugin build timed out");
        assertEquals(0, mvn.exitValue(), "plugin build failed:\n" + Files.readString(tmp.resolve("mvn.log")));
        assertTrue(Files.isRegularFile(plugin.resolve("target/packet-drops.jar")));

        Cli list = Cli.run("list", "--plugins", plugin.toString());
        assertEquals("", list.err(), "the plugin loads without problems");
        assertTrue(list.out().contains("packet-drops"), list.out());

        Cli test = Cli.run("plugin", "test", plugin.toString());
        assertEquals(0, test.exit(), test.toString());
        assertTrue(test.out().strip().endsWith(" passed, 0 failed"), test.out());
        assertTrue(test.out().contains("PASS playbooks/packet-drops/scenarios/seed-kops-ens5-irqs-on-cpu0"), test.out());
    }

    @Test
    void withoutItsJarPacketDropsIsSkippedNamingTheUnknownExtractor() throws IOException {
        Path plugin = copy(Path.of("plugins/packet-drops"), tmp.resolve("unbuilt"));
        Cli list = Cli.run("list", "--plugins", plugin.toString());
        assertEquals(0, list.exit());
        assertTrue(list.err().startsWith("ktriage: plugin 'packet-drops' skipped: "), list.err());
        assertTrue(list.err().contains("no known extractor type"), list.err());
    }

    @Test
    void workloadExposurePassesItsScenarios() {
        Cli test = Cli.run("plugin", "test", "plugins/workload-exposure");
        assertEquals(0, test.exit(), test.toString());
        assertTrue(test.out().strip().endsWith(" passed, 0 failed"), test.out());
    }

    private static Path jarOf(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The plugin's sources without any build output. */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path rel = from.relativize(f);
                if (rel.startsWith("target")) continue;
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(f)) Files.createDirectories(dest);
                else Files.copy(f, dest);
            }
        }
        return to;
    }
}
