package dev.ktriage.playbook;

import dev.ktriage.playbook.lang.Text;
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
            Text namespace,
            Text name,
            Text labelSelector,
            Text fieldSelector,
            Integer limit,
            Text container,
            boolean previous,
            Integer tailLines,
            Text path) implements Gather {
    }

    /**
     * A SubjectAccessReview: may {@code user} (in {@code groups}) {@code verb} this resource, or this
     * non-resource {@code path}? The API server's authorizer answers (version 2). {@code groups} is
     * one expression whose value is a list, or null.
     */
    record Review(Text user, Text groups, Text verb, Text group, Text resource, Text subresource, Text namespace, Text name,
                  Text path) implements Gather {
    }

    /**
     * A command on one node. {@code argv} is fixed at load time: each template becomes exactly one
     * argument, whatever a cluster-provided value contains.
     *
     * @param accept the exit codes that count as an answer (version 2; e.g. grep's 1 for "no match");
     *               another code is an answer with an error, and the step's extracts have no value
     */
    record Node(Text on, List<Text> argv, boolean sudo, int timeoutSeconds, List<Integer> accept) implements Gather {
    }
}
