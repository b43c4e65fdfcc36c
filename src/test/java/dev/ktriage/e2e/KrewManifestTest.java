package dev.ktriage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The krew plugin manifest: src/main/dist/krew/triage.yaml has the fields krew validates, and
 * src/main/dist/krew/fill-manifest builds target/kubectl-triage.tar.gz and a filled
 * target/krew/triage.yaml whose sha256 is the archive's, whose files and bin are in the archive,
 * and whose installation (laid out as krew does: the store folder, a link in krew's bin) runs
 * {@code kubectl triage --help} through the real kubectl.
 */
class KrewManifestTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path TEMPLATE = Launcher.ROOT.resolve("src/main/dist/krew/triage.yaml");
    private static final Path ARCHIVE = Launcher.ROOT.resolve("target/kubectl-triage.tar.gz");
    private static final Path FILLED = Launcher.ROOT.resolve("target/krew/triage.yaml");
    private static final Set<String> PLATFORMS = Set.of("linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64");

    @TempDir
    static Path tmp;

    /** The archive's contents, extracted by tar. */
    static Path extracted;

    @BeforeAll
    static void fillTheManifest() throws Exception {
        Launcher.ensureJar();
        String out = run(Launcher.ROOT.resolve("src/main/dist/krew/fill-manifest").toString());
        assertTrue(out.contains("install:  kubectl krew install --manifest=" + FILLED + " --archive=" + ARCHIVE), out);
        extracted = Files.createDirectory(tmp.resolve("extracted"));
        run("tar", "-xzf", ARCHIVE.toString(), "-C", extracted.toString());
    }

    @Test
    void theTemplateHasWhatKrewRequires() throws IOException {
        JsonNode m = YAML.readTree(TEMPLATE.toFile());
        assertEquals("krew.googlecontainertools.github.com/v1alpha2", m.path("apiVersion").asText());
        assertEquals("Plugin", m.path("kind").asText());
        // krew: the name is the manifest's file name, and kubectl runs it as `kubectl triage`
        assertEquals("triage", m.path("metadata").path("name").asText());
        assertEquals(TEMPLATE.getFileName().toString(), m.path("metadata").path("name").asText() + ".yaml");
        JsonNode spec = m.path("spec");
        assertEquals("v@VERSION@", spec.path("version").asText());
        assertEquals("@HOMEPAGE@", spec.path("homepage").asText());
        String shortDescription = spec.path("shortDescription").asText();
        assertFalse(shortDescription.isBlank());
        assertFalse(shortDescription.contains("\n"), shortDescription);
        assertFalse(spec.path("description").asText().isBlank());
        assertTrue(spec.path("caveats").asText().contains("Java 17"), spec.path("caveats").asText());
        Set<String> seen = new HashSet<>();
        for (JsonNode p : platforms(m)) {
            assertEquals("@URI@", p.path("uri").asText());
            assertEquals("@SHA256@", p.path("sha256").asText());
            JsonNode labels = p.path("selector").path("matchLabels");
            assertEquals(Set.of("os", "arch"), names(labels), p.toString());
            assertTrue(seen.add(labels.path("os").asText() + "/" + labels.path("arch").asText()), "twice: " + labels);
            assertFalse(p.path("bin").asText().isBlank(), p.toString());
            List<String> installed = new ArrayList<>();
            for (JsonNode f : files(p)) {
                String from = f.path("from").asText();
                String to = f.path("to").asText();
                assertFalse(from.isBlank(), f.toString());
                // krew refuses a `to` that is not clean
                assertTrue(to.equals(".") || Path.of(to).normalize().toString().equals(to), f.toString());
                assertFalse(to.startsWith("..") || to.startsWith("/"), f.toString());
                installed.add(to.equals(".") ? Path.of(from).getFileName().toString() : to);
            }
            assertTrue(installed.contains(p.path("bin").asText()), "bin is not among the installed files: " + p);
        }
        assertEquals(PLATFORMS, seen);
    }

    @Test
    void theFilledManifestNamesTheArchiveAndItsSha256() throws Exception {
        JsonNode filled = YAML.readTree(FILLED.toFile());
        String version = filled.path("spec").path("version").asText();
        assertEquals("v" + pomVersion(), version);
        assertTrue(version.matches("v\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?"), version);
        String sha256 = sha256(ARCHIVE);
        String homepage = filled.path("spec").path("homepage").asText();
        // the template with its @...@ words filled in, and nothing else changed
        String expected = Files.readString(TEMPLATE).replace("@VERSION@", pomVersion()).replace("@HOMEPAGE@", homepage)
                .replace("@URI@", "file://" + ARCHIVE).replace("@SHA256@", sha256);
        assertEquals(YAML.readTree(expected), filled);
        for (JsonNode p : platforms(filled)) {
            assertTrue(p.path("sha256").asText().matches("[a-f0-9]{64}"), p.toString());
            for (JsonNode f : files(p)) {
                assertTrue(Files.isRegularFile(extracted.resolve(f.path("from").asText())), "not in the archive: " + f);
            }
            assertTrue(Files.isExecutable(extracted.resolve(p.path("bin").asText())), "not executable in the archive: " + p);
        }
    }

    @Test
    void theArchiveInstalledAsKrewDoesRunsThroughKubectl() throws Exception {
        JsonNode filled = YAML.readTree(FILLED.toFile());
        JsonNode linux = platforms(filled).get(0);
        // ~/.krew/store/triage/VERSION holds the files moved out of the archive; ~/.krew/bin a link to bin
        Path store = Files.createDirectories(tmp.resolve("krew/store/triage").resolve(filled.path("spec").path("version").asText()));
        for (JsonNode f : files(linux)) {
            String from = f.path("from").asText();
            String to = f.path("to").asText();
            Path dest = store.resolve(to.equals(".") ? Path.of(from).getFileName().toString() : to);
            Files.createDirectories(dest.getParent());
            Files.copy(extracted.resolve(from), dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path bin = Files.createDirectories(tmp.resolve("krew/bin"));
        Files.createSymbolicLink(bin.resolve("kubectl-triage"), store.resolve(linux.path("bin").asText()));
        // the launcher is next to the entry here, not three folders up as in a checkout
        assertFalse(Files.exists(store.resolve("../../../ktriage").normalize()));

        String[] help = KubectlPluginTest.kubectl(bin, "triage", "--help");
        assertEquals("0", help[0], help[1] + help[2]);
        assertTrue(help[1].startsWith("Usage: kubectl triage "), help[1]);
        String[] list = KubectlPluginTest.kubectl(bin, "plugin", "list");
        assertTrue(list[1].contains(bin.resolve("kubectl-triage").toString()), list[1] + list[2]);
    }

    private static List<JsonNode> platforms(JsonNode manifest) {
        List<JsonNode> out = new ArrayList<>();
        manifest.path("spec").path("platforms").forEach(out::add);
        assertEquals(PLATFORMS.size(), out.size(), manifest.toString());
        return out;
    }

    private static List<JsonNode> files(JsonNode platform) {
        List<JsonNode> out = new ArrayList<>();
        platform.path("files").forEach(out::add);
        assertFalse(out.isEmpty(), "no files: " + platform);
        return out;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new HashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String pomVersion() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Launcher.ROOT.resolve("pom.xml").toFile());
        for (var n = pom.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("version")) return e.getTextContent().strip();
        }
        throw new AssertionError("no <version> in pom.xml");
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " did not end");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
        return out;
    }
}
