package dev.ktriage.engine;

import dev.ktriage.playbook.Input;
import dev.ktriage.playbook.Playbook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a playbook's inputs and turns them into the session's first variables. */
final class Inputs {

    /** DNS-1123 subdomain: what Kubernetes allows for pod, namespace and node names. */
    private static final Pattern K8S_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private Inputs() {
    }

    static Map<String, Object> variables(Playbook p, Map<String, String> given, Operator operator, String defaultNamespace) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) vars.put(e.getKey(), e.getValue());
        for (Input in : p.inputs()) {
            String value = given.get(in.id());
            if (value == null || value.isBlank()) {
                // an optional input not given (or given empty, as a handoff passes an unknown value) has no value
                vars.remove(in.id());
                if (!in.required()) continue;
                value = operator.provideInput(in, List.of());
            }
            switch (in.kind()) {
                case POD -> {
                    Map<String, String> pod = pod(value, defaultNamespace);
                    check(in, pod.get("namespace"), "namespace");
                    check(in, pod.get("name"), "pod name");
                    vars.put(in.id(), pod);
                }
                case NODE -> {
                    check(in, value, "node name");
                    vars.put(in.id(), value);
                }
                case TEXT -> vars.put(in.id(), value);
            }
        }
        putInputs(p, vars);
        return vars;
    }

    /** A pod input's value: pod.namespace and pod.name in CEL, pod.ref as NAMESPACE/NAME (no namespace: the default one). */
    static Map<String, String> pod(String value, String defaultNamespace) {
        int slash = value.indexOf('/');
        String ns = slash < 0 ? defaultNamespace : value.substring(0, slash);
        String name = slash < 0 ? value : value.substring(slash + 1);
        return Map.of("namespace", ns, "name", name, "ref", ns + "/" + name);
    }

    /**
     * {@code inputs}: every input given, by id, beside the variables of the same name, so that
     * has(inputs.podIP) tests an optional one and inputs['namespace'] reads a CEL reserved word.
     */
    static void putInputs(Playbook p, Map<String, Object> vars) {
        Map<String, Object> byId = new LinkedHashMap<>();
        for (Input in : p.inputs()) if (vars.containsKey(in.id())) byId.put(in.id(), vars.get(in.id()));
        vars.put("inputs", byId);
    }

    private static void check(Input in, String value, String what) {
        if (!K8S_NAME.matcher(value).matches()) {
            throw new BadInputException("input '" + in.id() + "': '" + value + "' is not a valid " + what);
        }
    }
}
