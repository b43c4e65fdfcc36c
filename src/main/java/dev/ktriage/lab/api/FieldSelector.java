package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A field selector ("involvedObject.name=x,reason!=Pulled"). The real server supports a fixed set
 * of fields per resource; the lab accepts any dotted path so scenarios need no per-kind table.
 * A missing field compares as the empty string, as the real server's field sets do.
 */
record FieldSelector(List<Requirement> requirements) {

    record Requirement(String path, boolean equals, String value) {
        boolean matches(JsonNode object) {
            return equals == value.equals(valueAt(object, path));
        }
    }

    static FieldSelector parse(String selector) {
        List<Requirement> reqs = new ArrayList<>();
        if (selector == null || selector.isBlank()) return new FieldSelector(reqs);
        for (String term : selector.split(",")) {
            String t = term.strip();
            if (t.isEmpty()) continue;
            int ne = t.indexOf("!=");
            int eq = t.indexOf('=');
            if (ne > 0) {
                reqs.add(new Requirement(t.substring(0, ne).strip(), false, t.substring(ne + 2).strip()));
            } else if (eq > 0) {
                int skip = t.startsWith("==", eq) ? 2 : 1;
                reqs.add(new Requirement(t.substring(0, eq).strip(), true, t.substring(eq + skip).strip()));
            } else {
                throw new IllegalArgumentException("invalid field selector: '" + selector + "': invalid selector: '" + t
                        + "'; can't understand '" + t + "'");
            }
        }
        return new FieldSelector(reqs);
    }

    boolean matches(JsonNode object) {
        return requirements.stream().allMatch(r -> r.matches(object));
    }

    static String valueAt(JsonNode object, String dottedPath) {
        JsonNode n = object;
        for (String part : dottedPath.split("\\.")) {
            n = n.path(part);
        }
        return n.isValueNode() ? n.asText() : "";
    }
}
