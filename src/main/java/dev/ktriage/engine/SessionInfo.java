package dev.ktriage.engine;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a report's header says about a session: when it started, against what (the cluster
 * connection as the operator sees it: "lab", "prod-eu/kube-system"), the namespace for inputs
 * given without one, the inputs, and the ktriage version.
 */
public record SessionInfo(Instant started, String context, String namespace, Map<String, String> inputs, String version) {

    public SessionInfo {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }
}
