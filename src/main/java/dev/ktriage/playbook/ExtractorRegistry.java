package dev.ktriage.playbook;

import dev.ktriage.spi.Extractor;
import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Extractor types by name, from {@link ServiceLoader}: the built-ins and those of loaded plugins alike. */
public final class ExtractorRegistry {

    private final Map<String, Extractor> byType = new TreeMap<>();
    private final Map<String, dev.ktriage.spi.v2.Extractor> v2ByType = new TreeMap<>();

    public static ExtractorRegistry fromClassLoader(ClassLoader loader) {
        ExtractorRegistry r = new ExtractorRegistry();
        ServiceLoader.load(Extractor.class, loader).forEach(r::register);
        ServiceLoader.load(dev.ktriage.spi.v2.Extractor.class, loader).forEach(r::register);
        return r;
    }

    /** A plugin API 2 extractor, for version 2 playbooks. */
    public void register(dev.ktriage.spi.v2.Extractor e) {
        dev.ktriage.spi.v2.Extractor previous = v2ByType.putIfAbsent(e.type(), e);
        if (previous != null && previous.getClass() != e.getClass()) {
            throw new IllegalStateException("two extractors claim the type '" + e.type() + "': "
                    + previous.getClass().getName() + " and " + e.getClass().getName());
        }
    }

    public dev.ktriage.spi.v2.Extractor v2(String type) {
        return v2ByType.get(type);
    }

    public Collection<String> v2Types() {
        return v2ByType.keySet();
    }

    public void register(Extractor e) {
        Extractor previous = byType.putIfAbsent(e.type(), e);
        if (previous != null && previous.getClass() != e.getClass()) {
            throw new IllegalStateException("two extractors claim the type '" + e.type() + "': "
                    + previous.getClass().getName() + " and " + e.getClass().getName());
        }
    }

    public Extractor get(String type) {
        return byType.get(type);
    }

    public Collection<String> types() {
        return byType.keySet();
    }
}
