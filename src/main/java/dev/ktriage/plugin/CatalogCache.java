package dev.ktriage.plugin;

import dev.ktriage.playbook.Expressions;
import dev.ktriage.playbook.ExtractorRegistry;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.PlaybookCatalog;
import dev.ktriage.playbook.PlaybookLoader;
import dev.ktriage.playbook.PlaybookSources;
import dev.ktriage.yaml.YNode;
import dev.ktriage.yaml.YNodeCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The playbook catalog of one set of sources, kept from a load that had no problems: each playbook's
 * summary, its YAML already read and its version 2 expressions already checked, keyed by the {@link SourceFingerprint} of everything that load
 * read. A later start with the same fingerprint lists the playbooks without reading any YAML and
 * builds a playbook only when it is asked for (replay builds one or two). Any change to a playbook,
 * manifest or jar changes the fingerprint and the sources are loaded again. A cache that is missing,
 * stale, corrupt or unwritable only costs that full load.
 *
 * <p>Loads that report problems are not kept: their problems are reported afresh on every start.
 */
public final class CatalogCache {

    /** Where caches live: a folder, or {@code off}. Default: next to the ktriage jar; none when running from classes. */
    public static final String PROPERTY = "ktriage.catalog.cache";

    static final int KEPT = 8;
    private static final int MAGIC = 0x4b54_4343;
    private static final int FORMAT = 2;
    private static final int OWN = 0;
    private static final int FOLDER = 1;
    private static final int JAR = 2;

    private final Path file;
    private final String key;
    private final List<Path> pluginPaths;
    private final List<Path> playbookFolders;

    private CatalogCache(Path file, String key, List<Path> pluginPaths, List<Path> playbookFolders) {
        this.file = file;
        this.key = key;
        this.pluginPaths = List.copyOf(pluginPaths);
        this.playbookFolders = List.copyOf(playbookFolders);
    }

    /** The cache for these sources, or null when there is none (turned off, or sources that cannot be fingerprinted). */
    public static CatalogCache forSources(List<Path> pluginPaths, List<Path> playbookFolders) {
        Path builtIn = PlaybookSources.builtInLocation();
        return forSources(folder(builtIn), pluginPaths, playbookFolders);
    }

    /** @param dir the folder the cache files go in; null for none */
    static CatalogCache forSources(Path dir, List<Path> pluginPaths, List<Path> playbookFolders) {
        if (dir == null) return null;
        Path builtIn = PlaybookSources.builtInLocation();
        try {
            String key = SourceFingerprint.of(builtIn, pluginPaths, playbookFolders);
            // one file per set of sources (not per fingerprint): an edit replaces its cache instead of adding one
            String sources = builtIn + "\n" + pluginPaths + "\n" + playbookFolders;
            String hex = Integer.toHexString(sources.hashCode()); // not String.format: its parser is a start-up cost of its own
            return new CatalogCache(dir.resolve("00000000".substring(hex.length()) + hex + ".bin"), key, pluginPaths, playbookFolders);
        } catch (IOException | UncheckedIOException | SourceFingerprint.Unfit e) {
            return null;
        }
    }

    private static Path folder(Path builtIn) {
        String prop = System.getProperty(PROPERTY);
        if (prop != null) return prop.isBlank() || prop.equals("off") ? null : Path.of(prop);
        if (!Files.isRegularFile(builtIn)) return null;
        return builtIn.resolveSibling(builtIn.getFileName() + ".catalog");
    }

    private String fingerprintNow() {
        try {
            return SourceFingerprint.of(PlaybookSources.builtInLocation(), pluginPaths, playbookFolders);
        } catch (IOException | UncheckedIOException | SourceFingerprint.Unfit e) {
            return null;
        }
    }

    Path file() {
        return file;
    }

    /** The cached catalog, or null when there is none for exactly these sources. */
    public PlaybookCatalog read() {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return decode(bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Loads the sources and keeps the result when the load had no problems. */
    public LoadedPlugins load() {
        Recorder r = new Recorder();
        LoadedPlugins loaded = PluginLoader.load(pluginPaths, playbookFolders, r);
        // stored only if the sources are still what was fingerprinted before the load read them: a
        // file saved while loading must not be kept under the key of its earlier content
        if (loaded.problems().isEmpty() && r.failed == null && key.equals(fingerprintNow())) store(r);
        return loaded;
    }

    /** Encodes each loaded plugin and its playbooks as the loader goes; never throws into the load. */
    private static final class Recorder implements BiConsumer<Plugin, List<PluginLoader.Parsed>> {
        final ByteArrayOutputStream plugins = new ByteArrayOutputStream();
        final ByteArrayOutputStream index = new ByteArrayOutputStream(1 << 12);
        final ByteArrayOutputStream trees = new ByteArrayOutputStream(1 << 16);
        private final DataOutputStream pluginsOut = new DataOutputStream(plugins);
        private final DataOutputStream indexOut = new DataOutputStream(index);
        private final DataOutputStream treesOut = new DataOutputStream(trees);
        int pluginCount;
        int playbookCount;
        IOException failed;

        @Override
        public void accept(Plugin plugin, List<PluginLoader.Parsed> parsed) {
            if (failed != null) return;
            try {
                writePlugin(pluginsOut, plugin);
                for (PluginLoader.Parsed p : parsed) {
                    indexOut.writeInt(pluginCount);
                    YNodeCodec.writeString(indexOut, p.file().displayName());
                    YNodeCodec.writeString(indexOut, p.file().origin());
                    summary(indexOut, PlaybookCatalog.Summary.of(p.playbook()));
                    indexOut.writeInt(trees.size());
                    YNodeCodec.write(treesOut, p.docs());
                    playbookCount++;
                }
                pluginCount++;
            } catch (IOException e) {
                failed = e;
            }
        }
    }

    /** How to get the plugin's extractors back: ktriage's own class loader, a plugin folder's jars, or a plugin jar. */
    private static void writePlugin(DataOutputStream out, Plugin plugin) throws IOException {
        ClassLoader loader = plugin.classLoader();
        String where = "";
        int kind = OWN;
        if (loader != PluginReader.class.getClassLoader()) {
            if (plugin.root() != null) {
                kind = FOLDER;
                where = plugin.root().toString();
            } else if (loader instanceof URLClassLoader u && u.getURLs().length == 1) {
                kind = JAR;
                try {
                    where = Path.of(u.getURLs()[0].toURI()).toString();
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IOException("plugin " + plugin.id() + ": " + e.getMessage(), e);
                }
            } else {
                throw new IOException("plugin " + plugin.id() + ": unknown class loader");
            }
        }
        out.writeByte(kind);
        YNodeCodec.writeString(out, plugin.id());
        YNodeCodec.writeString(out, where);
    }

    private void store(Recorder r) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream(r.trees.size() + r.index.size() + 4096);
            DataOutputStream out = new DataOutputStream(body);
            YNodeCodec.writeString(out, key);
            out.writeInt(r.pluginCount);
            r.plugins.writeTo(out);
            out.writeInt(r.playbookCount);
            r.index.writeTo(out);
            // version 2 playbooks' expressions, checked: a start from the cache never loads the compiler
            byte[] expressions = Expressions.shared().encode();
            out.writeInt(expressions.length);
            out.write(expressions);
            out.writeInt(r.trees.size());
            r.trees.writeTo(out);
            out.flush();
            byte[] b = body.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(b);
            ByteArrayOutputStream all = new ByteArrayOutputStream(b.length + 16);
            DataOutputStream head = new DataOutputStream(all);
            head.writeInt(MAGIC);
            head.writeInt(FORMAT);
            head.writeLong(crc.getValue());
            head.write(b);
            head.flush();
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, all.toByteArray());
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            prune(file.getParent());
        } catch (IOException | RuntimeException e) {
            // an unwritable cache only costs speed next time
        }
    }

    /** Keeps the {@link #KEPT} caches written last: each new set of sources (a new --playbooks folder) adds one. */
    private static void prune(Path dir) throws IOException {
        List<Path> caches;
        try (Stream<Path> s = Files.list(dir)) {
            caches = s.filter(p -> p.getFileName().toString().endsWith(".bin")).collect(Collectors.toCollection(ArrayList::new));
        }
        if (caches.size() <= KEPT) return;
        Map<Path, Long> written = new HashMap<>();
        for (Path p : caches) written.put(p, Files.getLastModifiedTime(p).toMillis());
        caches.sort(Comparator.comparing(written::get, Comparator.reverseOrder()));
        for (Path p : caches.subList(KEPT, caches.size())) Files.deleteIfExists(p);
    }

    private PlaybookCatalog decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) return null;
        long crc = in.readLong();
        int bodyAt = 16;
        CRC32 actual = new CRC32();
        actual.update(bytes, bodyAt, bytes.length - bodyAt);
        if (actual.getValue() != crc) return null;
        if (!YNodeCodec.readString(in).equals(key)) return null;
        int pluginCount = in.readInt();
        List<Supplier<ExtractorRegistry>> registries = new ArrayList<>();
        for (int i = 0; i < pluginCount; i++) {
            int kind = in.readByte();
            String id = YNodeCodec.readString(in);
            String root = YNodeCodec.readString(in);
            // the cache only names code the sources name too: a cache file someone else wrote
            // cannot make ktriage load a jar or classes folder from anywhere else
            if (kind != OWN && !withinPluginPaths(root)) return null;
            registries.add(memo(() -> ExtractorRegistry.fromClassLoader(classLoader(kind, id, root))));
        }
        int playbookCount = in.readInt();
        record Entry(int plugin, String file, String origin, PlaybookCatalog.Summary summary, int treeAt) {
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < playbookCount; i++) {
            int plugin = in.readInt();
            if (plugin < 0 || plugin >= pluginCount) return null;
            entries.add(new Entry(plugin, YNodeCodec.readString(in), YNodeCodec.readString(in), summary(in), in.readInt()));
        }
        int expressionsLength = in.readInt();
        if (expressionsLength < 0 || expressionsLength > in.available()) return null;
        byte[] expressions = new byte[expressionsLength];
        in.readFully(expressions);
        Expressions.shared().add(expressions);
        int treesLength = in.readInt();
        int treesAt = bytes.length - in.available();
        if (treesAt + treesLength != bytes.length) return null;
        PlaybookCatalog catalog = new PlaybookCatalog();
        for (Entry e : entries) {
            if (e.treeAt() < 0 || e.treeAt() >= treesLength) return null;
            Supplier<ExtractorRegistry> registry = registries.get(e.plugin());
            catalog.addLazy(e.summary(), e.file(), () -> {
                try {
                    DataInputStream t = new DataInputStream(new ByteArrayInputStream(bytes, treesAt + e.treeAt(), treesLength - e.treeAt()));
                    List<YNode> docs = YNodeCodec.read(t, e.file());
                    return new PlaybookLoader(registry.get()).load(docs, e.file(), e.origin());
                } catch (IOException x) {
                    throw new UncheckedIOException("cannot read the playbook cache " + file + ": " + x.getMessage(), x);
                }
            });
        }
        return catalog;
    }

    private boolean withinPluginPaths(String root) {
        Path r;
        try {
            r = Path.of(root).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
        for (Path p : pluginPaths) {
            if (r.startsWith(p.toAbsolutePath().normalize())) return true;
        }
        return false;
    }

    private static ClassLoader classLoader(int kind, String id, String root) {
        return switch (kind) {
            case FOLDER -> PluginReader.folderClassLoader(Path.of(root), id);
            case JAR -> PluginReader.jarClassLoader(Path.of(root), id);
            default -> PluginReader.class.getClassLoader();
        };
    }

    private static void summary(DataOutputStream out, PlaybookCatalog.Summary s) throws IOException {
        YNodeCodec.writeString(out, s.id());
        YNodeCodec.writeString(out, s.title());
        out.writeInt(s.inputsRequired().size());
        for (Map.Entry<String, Boolean> i : s.inputsRequired().entrySet()) {
            YNodeCodec.writeString(out, i.getKey());
            out.writeBoolean(i.getValue());
        }
        out.writeInt(s.diagnoses().size());
        for (String d : s.diagnoses()) YNodeCodec.writeString(out, d);
    }

    private static PlaybookCatalog.Summary summary(DataInputStream in) throws IOException {
        String id = YNodeCodec.readString(in);
        String title = YNodeCodec.readString(in);
        Map<String, Boolean> inputs = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) inputs.put(YNodeCodec.readString(in), in.readBoolean());
        List<String> diagnoses = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) diagnoses.add(YNodeCodec.readString(in));
        return new PlaybookCatalog.Summary(id, title, inputs, diagnoses);
    }

    private static <T> Supplier<T> memo(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = s.get();
                return value;
            }
        };
    }
}
