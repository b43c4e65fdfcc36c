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

/**
 * Every playbook ktriage knows, by id. Loading is all-or-nothing per file; ids must be unique
 * across files and handoffs must name a known playbook.
 */
public final class PlaybookCatalog {

    private final Map<String, Playbook> byId = new LinkedHashMap<>();

    public static PlaybookCatalog load(List<PlaybookFile> files, ExtractorRegistry extractors) {
        PlaybookCatalog c = new PlaybookCatalog();
        PlaybookLoader loader = new PlaybookLoader(extractors);
        for (PlaybookFile f : files) c.add(loader.load(f.text(), f.displayName(), f.origin()));
        c.checkHandoffs();
        return c;
    }

    public void add(Playbook p) {
        Playbook previous = byId.get(p.id());
        if (previous != null) {
            throw new YamlException(p.at(), "playbook id '" + p.id() + "' is already defined in " + previous.at().file());
        }
        byId.put(p.id(), p);
    }

    public void checkHandoffs() {
        checkHandoffs(byId.values());
    }

    /**
     * Every handoff of {@code candidates} goes to a playbook this catalog or the candidates
     * themselves hold (a plugin's playbooks are checked before they are added).
     */
    public void checkHandoffs(Collection<Playbook> candidates) {
        Set<String> ids = new HashSet<>(byId.keySet());
        candidates.forEach(p -> ids.add(p.id()));
        for (Playbook p : candidates) {
            for (Step s : p.steps().values()) {
                for (Rule r : s.rules()) {
                    if (r.handoff() != null && !ids.contains(r.handoff().playbook())) {
                        throw new YamlException(r.handoff().at(), "handoff to unknown playbook '" + r.handoff().playbook() + "'");
                    }
                }
            }
        }
    }

    public Optional<Playbook> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Playbook require(String id) {
        Playbook p = byId.get(id);
        if (p == null) {
            throw new UnknownPlaybookException("unknown playbook '" + id + "' (known: " + String.join(", ", byId.keySet()) + ")");
        }
        return p;
    }

    public Collection<Playbook> all() {
        return new ArrayList<>(byId.values());
    }

    /** Asked for a playbook that does not exist: a user error, reported in one line. */
    public static final class UnknownPlaybookException extends RuntimeException {
        public UnknownPlaybookException(String message) {
            super(message);
        }
    }
}
