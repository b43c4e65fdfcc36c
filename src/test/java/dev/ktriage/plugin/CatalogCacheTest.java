package dev.ktriage.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.yaml.YamlException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cached catalog is the catalog a fresh load gives, until any source changes; a cache that is
 * corrupt, stale or cannot be written only costs a full load; loads with problems are not kept.
 */
class CatalogCacheTest {

    static final Path GOOD = PluginLoadingTest.FIXTURES.resolve("good-plugin");
    static final String PLAYBOOK = """
            version: 2
            id: tiny
            title: A tiny playbook
            inputs:
              - {id: pod, kind: pod}
              - {id: node, kind: node, required: false}
            steps:
              - id: one
                title: Reads the pod
                gather:
                  cluster: {get: pods, namespace: "${pod.namespace}", name: "${pod.name}"}
                let:
                  ip: "response.body.status.podIP"
                next:
                  - when: "ip == '10.0.0.1'"
                    finding: first
                    diagnose: first-ip
                  - finding: other
                    end: true
            diagnoses:
              - id: first-ip
                title: The pod has the first address
            """;

    @TempDir
    Path tmp;
    Path cacheDir;
    Path folder;

    @BeforeEach
    void setUp() throws IOException {
        cacheDir = tmp.resolve("cache");
        folder = Files.createDirectories(tmp.resolve("pb").resolve("tiny"));
        Files.writeString(folder.resolve("playbook.yaml"), PLAYBOOK);
        folder = folder.getParent();
    }

    private CatalogCache cache(List<Path> plugins) {
        CatalogCache c = CatalogCache.forSources(cacheDir, plugins, List.of(folder));
        assertNotNull(c, "these sources can be cached");
        return c;
    }

    @Test
    void secondStartReadsTheCatalogAFreshLoadGives() {
        List<Path> plugins = List.of(GOOD, jarPlugin());
        assertNull(cache(plugins).read(), "nothing cached yet");
        LoadedPlugins fresh = cache(plugins).load();
        assertEquals(List.of(), fresh.problems());

        PlaybookCatalog cached = cache(plugins).read();
        assertNotNull(cached, "kept after a load without problems");
        assertEquals(fresh.catalog().summaries(), cached.summaries());
        assertEquals(List.of("failing-probes", "tiny", "dns-timeouts", "jarred"),
                cached.summaries().stream().map(PlaybookCatalog.Summary::id).filter(id -> List.of("failing-probes", "tiny", "dns-timeouts", "jarred").contains(id)).toList());
        for (Playbook p : fresh.catalog().all()) {
            Playbook q = cached.require(p.id());
            assertEquals(p.steps().keySet(), q.steps().keySet(), p.id());
            assertEquals(p.at(), q.at(), p.id());
            assertEquals(p.origin(), q.origin(), p.id());
            assertEquals(p.inputs(), q.inputs(), p.id());
            assertEquals(p.firstStep().rules().get(0).at(), q.firstStep().rules().get(0).at(), p.id());
        }
        assertEquals("good-plugin", cached.require("dns-timeouts").origin());
        assertEquals("jar-plugin", cached.require("jarred").origin());
    }

    @Test
    void anEditedPlaybookIsLoadedAgainEvenWithTheSameSize() throws IOException {
        cache(List.of()).load();
        assertNotNull(cache(List.of()).read());
        Path file = folder.resolve("tiny/playbook.yaml");
        String edited = PLAYBOOK.replace("A tiny playbook", "A tiny playbooK");
        assertEquals(PLAYBOOK.length(), edited.length());
        var before = Files.getLastModifiedTime(file);
        Files.writeString(file, edited);
        Files.setLastModifiedTime(file, before); // same size, same time: only the content tells

        assertNull(cache(List.of()).read(), "stale");
        assertEquals("A tiny playbooK", cache(List.of()).load().catalog().require("tiny").title());
        assertEquals("A tiny playbooK", cache(List.of()).read().require("tiny").title());
    }

    @Test
    void addedOrRemovedSourcesAreSeen() throws IOException {
        cache(List.of()).load();
        Path more = Files.createDirectories(folder.resolve("more"));
        Files.writeString(more.resolve("playbook.yaml"), PLAYBOOK.replace("id: tiny", "id: more"));
        assertNull(cache(List.of()).read(), "a new playbook file");
        assertTrue(cache(List.of()).load().catalog().find("more").isPresent());
        assertTrue(cache(List.of()).read().find("more").isPresent());
        Files.delete(more.resolve("playbook.yaml"));
        assertNull(cache(List.of()).read(), "a playbook file removed");
    }

    @Test
    void aBrokenEditIsReportedNotServedFromTheCache() throws IOException {
        cache(List.of()).load();
        Files.writeString(folder.resolve("tiny/playbook.yaml"), PLAYBOOK.replace("title: A tiny playbook", "titel: A tiny playbook"));
        assertNull(cache(List.of()).read());
        LoadedPlugins loaded = cache(List.of()).load();
        assertEquals(1, loaded.problems().size(), loaded.problems().toString());
        assertTrue(loaded.problems().get(0).message().contains("tiny/playbook.yaml:3:1: unknown key 'titel'"), loaded.problems().toString());
        assertNull(cache(List.of()).read(), "a load with problems is not kept, so they are reported on every start");
    }

    @Test
    void pluginProblemsAreReportedOnEveryStart() {
        for (int i = 0; i < 2; i++) {
            CatalogCache c = cache(List.of(PluginLoadingTest.FIXTURES));
            assertNull(c.read());
            assertEquals(6, c.load().problems().size());
        }
        assertFalse(Files.exists(cache(List.of(PluginLoadingTest.FIXTURES)).file()));
    }

    @Test
    void aCorruptCacheIsIgnoredAndReplaced() throws IOException {
        cache(List.of()).load();
        Path file = cache(List.of()).file();
        byte[] good = Files.readAllBytes(file);
        for (int at : new int[] {0, 9, 20, good.length / 2, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x5a;
            Files.write(file, bad);
            assertNull(cache(List.of()).read(), "flipped byte at " + at);
        }
        Files.write(file, java.util.Arrays.copyOf(good, good.length / 3));
        assertNull(cache(List.of()).read(), "truncated");
        Files.writeString(file, "not a cache");
        assertNull(cache(List.of()).read(), "garbage");

        assertEquals("A tiny playbook", cache(List.of()).load().catalog().require("tiny").title());
        assertEquals("A tiny playbook", cache(List.of()).read().require("tiny").title(), "rewritten");
    }

    @Test
    void anUnwritableCacheOnlyCostsTheLoad() throws IOException {
        Files.writeString(cacheDir, "a file where the cache folder would go");
        LoadedPlugins loaded = cache(List.of()).load();
        assertEquals(List.of(), loaded.problems());
        assertTrue(loaded.catalog().find("tiny").isPresent());
        assertNull(cache(List.of()).read());
    }

    @Test
    void aPluginBuildingFromItsClassesFolderIsNotCached() throws IOException {
        Path dev = tmp.resolve("dev-plugin");
        Files.createDirectories(dev.resolve("target/classes"));
        Files.writeString(dev.resolve("plugin.yaml"), "id: dev-plugin\napi: 2\n");
        assertNull(CatalogCache.forSources(cacheDir, List.of(dev), List.of(folder)), "its classes can change unseen");
    }

    @Test
    void aCachedCatalogStillRefusesUnknownAndDuplicateIds() {
        cache(List.of()).load();
        PlaybookCatalog cached = cache(List.of()).read();
        assertThrows(PlaybookCatalog.UnknownPlaybookException.class, () -> cached.require("nope"));
        assertThrows(YamlException.class, () -> cached.add(cached.require("tiny")));
    }

    @Test
    void onlyTheLastCachesAreKept() throws IOException {
        for (int i = 0; i < CatalogCache.KEPT + 3; i++) {
            Path other = Files.createDirectories(tmp.resolve("other-" + i).resolve("tiny"));
            Files.writeString(other.resolve("playbook.yaml"), PLAYBOOK);
            CatalogCache c = CatalogCache.forSources(cacheDir, List.of(), List.of(other.getParent()));
            c.load();
            assertTrue(Files.exists(c.file()), "the cache just written is kept");
        }
        try (var files = Files.list(cacheDir)) {
            assertEquals(CatalogCache.KEPT, files.count());
        }
    }

    /** A plugin jar with one playbook: plugin.yaml and playbooks/ at its root. */
    /** A cache file that names a jar the sources do not (forged, with a valid checksum) is not used. */
    @Test
    void aCacheNamingCodeOutsideThePluginPathsIsNotUsed() throws IOException {
        List<Path> plugins = List.of(jarPlugin());
        assertEquals(List.of(), cache(plugins).load().problems());
        assertNotNull(cache(plugins).read(), "the honest cache is used");
        Path file = cache(plugins).file();
        byte[] bytes = Files.readAllBytes(file);
        // layout: magic, format, crc (16 bytes); key; plugin count; per plugin: kind, id, root
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
        int at = 16;
        at += 4 + b.getInt(at);                       // the key
        int count = b.getInt(at);
        at += 4;
        String jar = plugins.get(0).toAbsolutePath().normalize().toString();
        boolean forged = false;
        for (int i = 0; i < count && !forged; i++) {
            at += 1;                                  // kind
            at += 4 + b.getInt(at);                   // id
            int rootLength = b.getInt(at);
            if (new String(bytes, at + 4, rootLength, java.nio.charset.StandardCharsets.UTF_8).equals(jar)) {
                bytes[at + 4 + rootLength - 1] = 'x'; // ".../jar-plugin.jax": somewhere else
                forged = true;
            }
            at += 4 + rootLength;
        }
        org.junit.jupiter.api.Assertions.assertTrue(forged, "the cache names the plugin's jar");
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 16, bytes.length - 16);
        java.nio.ByteBuffer.wrap(bytes, 8, 8).putLong(crc.getValue());
        Files.write(file, bytes);
        assertNull(cache(plugins).read(), "a root outside the plugin paths makes the cache unusable");
    }

    private Path jarPlugin() {
        Path jar = tmp.resolve("jar-plugin.jar");
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(f)) {
            out.putNextEntry(new JarEntry("plugin.yaml"));
            out.write("id: jar-plugin\napi: 2\n".getBytes());
            out.putNextEntry(new JarEntry("playbooks/jarred/playbook.yaml"));
            out.write(PLAYBOOK.replace("id: tiny", "id: jarred").replace("first-ip", "jar-first-ip").getBytes());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return jar;
    }
}
