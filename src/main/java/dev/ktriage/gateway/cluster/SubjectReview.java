package dev.ktriage.gateway.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterRequest;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A playbook's SubjectAccessReview, over fabric8: the API server's authorizer answers whether a
 * user (in groups) may make a request, the answer is the review's JSON (status.allowed,
 * status.reason). Needs {@code create subjectaccessreviews}; nothing is stored.
 */
final class SubjectReview {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SubjectReview() {
    }

    static ClusterAnswer ask(KubernetesClient client, ClusterRequest.AccessReview r, long start) {
        SubjectAccessReviewBuilder b = new SubjectAccessReviewBuilder();
        var spec = b.withNewSpec().withUser(r.user()).withGroups(r.groups());
        if (r.path() != null) {
            spec.withNewNonResourceAttributes().withVerb(r.verb()).withPath(r.path()).endNonResourceAttributes();
        } else {
            spec.withNewResourceAttributes().withVerb(r.verb()).withGroup(r.apiGroup() == null ? "" : r.apiGroup())
                    .withResource(r.resource()).withSubresource(r.subresource()).withNamespace(r.namespace()).withName(r.name())
                    .endResourceAttributes();
        }
        spec.endSpec();
        SubjectAccessReview answer = client.authorization().v1().subjectAccessReview().create(b.build());
        return ClusterAnswer.json(201, JSON.valueToTree(answer), RawHttp.millisSince(start));
    }
}
