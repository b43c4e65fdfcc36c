package dev.ktriage.playbook;

import dev.ktriage.playbook.expr.Template;
import java.util.List;

/** What a step reads: a Kubernetes API query or a read-only command on a node. */
public sealed interface Gather {

    /**
     * A query; which fields apply depends on {@code verb} (get, list, logs, raw). Every field is a
     * template over the session's variables; null fields are not sent.
     */
    record Cluster(
            String verb,
            String resource,
            Template namespace,
            Template name,
            Template labelSelector,
            Template fieldSelector,
            Integer limit,
            Template container,
            boolean previous,
            Integer tailLines,
            Template path) implements Gather {
    }

    /**
     * A command on one node. {@code argv} is fixed at load time: each template becomes exactly one
     * argument, whatever a cluster-provided value contains.
     */
    record Node(Template on, List<Template> argv, boolean sudo, int timeoutSeconds) implements Gather {
    }
}
