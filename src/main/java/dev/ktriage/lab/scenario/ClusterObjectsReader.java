package dev.ktriage.lab.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktriage.gateway.cluster.ResourceType;
import dev.ktriage.gateway.cluster.ResourceTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** cluster.yaml: Kubernetes objects as `kubectl get -o yaml` prints them, one per document or in a List. */
final class ClusterObjectsReader {

    private ClusterObjectsReader() {
    }

    static List<ObjectNode> read(Path file) {
        List<ObjectNode> objects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ScenarioValue doc : ScenarioValue.documents(file)) add(doc, objects, seen);
        return objects;
    }

    private static void add(ScenarioValue value, List<ObjectNode> out, Set<String> seen) {
        ScenarioValue o = value.mapping();
        if ("List".equals(o.textAt("kind")) || (o.has("items") && !o.has("metadata"))) {
            if (!o.has("items")) throw o.error(o.name() + " must be a list, not missing");
            for (ScenarioValue item : o.get("items").list()) add(item, out, seen);
            return;
        }
        for (String required : List.of("apiVersion", "kind")) {
            if (!o.hasValue(required)) throw o.error("object without '" + required + "'");
            o.get(required).string();
        }
        String kind = o.get("kind").string();
        if (!o.hasValue("metadata")) throw o.error(kind + " without 'metadata'");
        ScenarioValue meta = o.get("metadata").mapping();
        if (!meta.hasValue("name")) throw meta.error(kind + " without 'metadata.name'");
        String name = meta.get("name").string();
        String namespace = meta.has("namespace") ? meta.get("namespace").string() : "";
        String apiVersion = o.get("apiVersion").string();
        checkScope(meta, apiVersion, kind, name, namespace);
        // A cluster holds one object per group, kind, namespace and name; a second one would be served twice.
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        if (!seen.add(group + "|" + kind + "|" + namespace + "|" + name)) {
            throw o.error("duplicate " + kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name));
        }
        // served exactly as written: every key, in file order, with the types YAML gave its values
        out.add((ObjectNode) o.json());
    }

    /** A known kind must be scoped as on a real cluster, or the lab could never serve it at its URL. */
    private static void checkScope(ScenarioValue meta, String apiVersion, String kind, String name, String namespace) {
        boolean hasNamespace = meta.has("namespace");
        ResourceType type = ResourceTypes.forObject(apiVersion, kind, hasNamespace);
        boolean known = ResourceTypes.known().stream().anyMatch(t -> t.group().equals(type.group()) && t.kind().equals(kind));
        if (!known) return;
        if (type.namespaced() && !hasNamespace) {
            throw meta.error(kind + " '" + name + "' without 'metadata.namespace' (" + type.plural() + " are namespaced)");
        }
        if (!type.namespaced() && hasNamespace) {
            throw meta.get("namespace").error(kind + " '" + name + "' has a namespace, but " + type.plural() + " are cluster-scoped");
        }
    }
}
