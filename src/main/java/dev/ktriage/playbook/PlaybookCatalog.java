package dev.ktriage.playbook;

import dev.ktriage.yaml.YamlException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every playbook ktriage knows, by id. Loading is all-or-nothing per file; ids must be unique
 * across files and handoffs must name a known playbook.
 *
 * <p>A playbook can also be added already checked but not yet built ({@link #addLazy}): it is built
 * the first time someone asks for it, so that a command that needs one playbook (replay) or only
 * their summaries (list) does not build them all.
 */
public final class PlaybookCatalog {

    private final Map<String, Entry> byId = new LinkedHashMap<>();

    /** What {@code ktriage list} shows of a playbook, known without building it. */
    public record Summary(String id, String title, Map<String, Boolean> inputsRequired, List<String> diagnoses) {

        public Summary {
            inputsRequired = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputsRequired));
            diagnoses = List.copyOf(diagnoses);
        }

        public static Summary of(Playbook p) {
            Map<String, Boolean> inputs = new LinkedHashMap<>();
            p.inputs().forEach(i -> inputs.put(i.id(), i.required()));
            return new Summary(p.id(), p.title(), inputs, new ArrayList<>(p.diagnoses().keySet()));
        }
    }

    private static final class Entry {
        final Summary summary;
        final String file;
        private Supplier<Playbook> build;
        private Playbook playbook;

        Entry(Summary summary, String file, Playbook playbook, Supplier<Playbook> build) {
            this.summary = summary;
            this.file = file;
            this.playbook = playbook;
            this.build = build;
        }

        synchronized Playbook get() {
            if (playbook == null) {
                Playbook p = build.get();
                if (!p.id().equals(summary.id())) throw new IllegalStateException("expected playbook '" + summary.id() + "', built '" + p.id() + "'");
                playbook = p;
                build = null;
            }
            return playbook;
        }
    }

    public static PlaybookCatalog load(List<PlaybookFile> files, ExtractorRegistry extractors) {
        PlaybookCatalog c = new PlaybookCatalog();
        PlaybookLoader loader = new PlaybookLoader(extractors);
        for (PlaybookFile f : files) c.add(loader.load(f.text(), f.displayName(), f.origin()));
        c.checkHandoffs();
        return c;
    }

    public void add(Playbook p) {
        Entry previous = byId.get(p.id());
        if (previous != null) {
            throw new YamlException(p.at(), "playbook id '" + p.id() + "' is already defined in " + previous.file);
        }
        byId.put(p.id(), new Entry(Summary.of(p), p.at().file(), p, null));
    }

    /**
     * A playbook that was loaded and checked before (ids, handoffs) and is built from {@code build}
     * when first asked for.
     */
    public void addLazy(Summary summary, String file, Supplier<Playbook> build) {
        if (byId.containsKey(summary.id())) throw new IllegalStateException("playbook id '" + summary.id() + "' added twice");
        byId.put(summary.id(), new Entry(summary, file, null, build));
    }

    public void checkHandoffs() {
        checkHandoffs(all());
    }

    /**
     * Every handoff of {@code candidates} goes to a playbook this catalog or the candidates
     * themselves hold (a plugin's playbooks are checked before they are added).
     */
    public void checkHandoffs(Collection<Playbook> candidates) {
        // only ids of this catalog are needed: lazy playbooks stay unbuilt
        Set<String> ids = new HashSet<>(byId.keySet());
        candidates.forEach(p -> ids.add(p.id()));
        for (Playbook p : candidates) {
            Rule.Handoff h = unknownHandoff(p, ids::contains);
            if (h != null) throw new YamlException(h.at(), "handoff to unknown playbook '" + h.playbook() + "'");
        }
    }

    /** The first handoff of {@code p} (in its steps' rules) to a playbook {@code known} does not hold, or null. */
    public static Rule.Handoff unknownHandoff(Playbook p, java.util.function.Predicate<String> known) {
        for (Step s : p.steps().values()) {
            for (Rule r : s.rules()) {
                if (r.handoff() != null && !known.test(r.handoff().playbook())) return r.handoff();
            }
        }
        return null;
    }

    public Optional<Playbook> find(String id) {
        Entry e = byId.get(id);
        return e == null ? Optional.empty() : Optional.of(e.get());
    }

    public Playbook require(String id) {
        Entry e = byId.get(id);
        if (e == null) {
            throw new UnknownPlaybookException("unknown playbook '" + id + "' (known: " + String.join(", ", byId.keySet()) + ")");
        }
        return e.get();
    }

    public Collection<Playbook> all() {
        List<Playbook> out = new ArrayList<>();
        for (Entry e : byId.values()) out.add(e.get());
        return out;
    }

    /** Every playbook's summary, in catalog order, without building any. */
    public List<Summary> summaries() {
        List<Summary> out = new ArrayList<>();
        for (Entry e : byId.values()) out.add(e.summary);
        return out;
    }

    /** Asked for a playbook that does not exist: a user error, reported in one line. */
    public static final class UnknownPlaybookException extends RuntimeException {
        public UnknownPlaybookException(String message) {
            super(message);
        }
    }
}
