package dev.ktriage.lab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import dev.ktriage.gateway.cluster.ResourceType;
import dev.ktriage.gateway.cluster.ResourceTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/** cluster.yaml: Kubernetes objects as `kubectl get -o yaml` prints them, one per document or in a List. */
final class ClusterObjectsReader {

    private ClusterObjectsReader() {
    }

    static List<ObjectNode> read(Path file) {
        List<ObjectNode> objects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlDocument doc : YamlDocument.readAll(file)) {
            add(doc, "", doc.root(), objects, seen);
        }
        return objects;
    }

    /** A known kind must be scoped as on a real cluster, or the lab could never serve it at its URL. */
    private static void checkScope(YamlDocument doc, String metadata, ObjectNode o, ObjectNode meta) {
        String kind = o.get("kind").asText();
        ResourceType type = ResourceTypes.forObject(o.get("apiVersion").asText(), kind, meta.hasNonNull("namespace"));
        boolean known = ResourceTypes.known().stream().anyMatch(t -> t.group().equals(type.group()) && t.kind().equals(kind));
        if (!known) return;
        if (type.namespaced() && !meta.hasNonNull("namespace")) {
            throw doc.error(metadata, kind + " '" + meta.get("name").asText() + "' without 'metadata.namespace' (" + type.plural() + " are namespaced)");
        }
        if (!type.namespaced() && meta.hasNonNull("namespace")) {
            throw doc.error(YamlDocument.child(metadata, "namespace"), kind + " '" + meta.get("name").asText()
                    + "' has a namespace, but " + type.plural() + " are cluster-scoped");
        }
    }

    private static void add(YamlDocument doc, String pointer, JsonNode node, List<ObjectNode> out, Set<String> seen) {
        ObjectNode o = doc.mapping(pointer, node);
        if ("List".equals(o.path("kind").asText()) || (o.has("items") && !o.has("metadata"))) {
            String itemsPointer = YamlDocument.child(pointer, "items");
            ArrayNode items = doc.list(o.has("items") ? itemsPointer : pointer, o.path("items"));
            for (int i = 0; i < items.size(); i++) {
                add(doc, YamlDocument.child(itemsPointer, Integer.toString(i)), items.get(i), out, seen);
            }
            return;
        }
        for (String required : List.of("apiVersion", "kind")) {
            if (!o.hasNonNull(required)) throw doc.error(pointer, "object without '" + required + "'");
            doc.string(YamlDocument.child(pointer, required), o.get(required));
        }
        String metadata = YamlDocument.child(pointer, "metadata");
        if (!o.hasNonNull("metadata")) throw doc.error(pointer, o.get("kind").asText() + " without 'metadata'");
        ObjectNode meta = doc.mapping(metadata, o.get("metadata"));
        if (!meta.hasNonNull("name")) throw doc.error(metadata, o.get("kind").asText() + " without 'metadata.name'");
        doc.string(YamlDocument.child(metadata, "name"), meta.get("name"));
        if (meta.has("namespace")) doc.string(YamlDocument.child(metadata, "namespace"), meta.get("namespace"));
        checkScope(doc, metadata, o, meta);
        // A cluster holds one object per group, kind, namespace and name; a second one would be served twice.
        String apiVersion = o.get("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String namespace = meta.path("namespace").asText("");
        String name = meta.get("name").asText();
        if (!seen.add(group + "|" + o.get("kind").asText() + "|" + namespace + "|" + name)) {
            throw doc.error(pointer, "duplicate " + o.get("kind").asText() + " " + (namespace.isEmpty() ? name : namespace + "/" + name));
        }
        out.add(o);
    }
}
