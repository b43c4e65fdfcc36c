package dev.ktriage.playbook;

import dev.ktriage.spi.v2.Extractor;
import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Extractor types by name, from {@link ServiceLoader}: the built-ins and those of loaded plugins alike. */
public final class ExtractorRegistry {

    private final Map<String, Extractor> byType = new TreeMap<>();

    public static ExtractorRegistry fromClassLoader(ClassLoader loader) {
        ExtractorRegistry r = new ExtractorRegistry();
        ServiceLoader.load(Extractor.class, loader).forEach(r::register);
        return r;
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
