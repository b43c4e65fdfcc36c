package dev.ktriage.gateway.cluster;

import dev.ktriage.gateway.AccessCheck;
import dev.ktriage.gateway.AccessReviewer;
import dev.ktriage.gateway.AccessVerdict;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Optional;

/**
 * {@link AccessReviewer} over fabric8: one SelfSubjectAccessReview per check. The resource's API
 * group comes from the same table the gateway reads with, so "apiservices" is asked in
 * apiregistration.k8s.io and "events.events.k8s.io" in events.k8s.io.
 */
final class SelfAccessReview implements AccessReviewer {

    private final KubernetesClient client;

    SelfAccessReview(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public AccessVerdict review(AccessCheck check) {
        try {
            SelfSubjectAccessReviewBuilder b = new SelfSubjectAccessReviewBuilder();
            if (check.path() != null) {
                b.withNewSpec().withNewNonResourceAttributes().withVerb(check.verb()).withPath(check.path())
                        .endNonResourceAttributes().endSpec();
            } else {
                String resource = check.resource();
                int dot = resource.indexOf('.');
                String plural = dot < 0 ? resource : resource.substring(0, dot);
                Optional<ResourceType> type = dot < 0 ? ResourceTypes.byPlural(null, plural)
                        : ResourceTypes.byPlural(resource.substring(dot + 1), plural);
                String group = type.map(ResourceType::group).orElse(dot < 0 ? "" : resource.substring(dot + 1));
                String namespace = type.isPresent() && !type.get().namespaced() ? null : check.namespace();
                b.withNewSpec().withNewResourceAttributes().withVerb(check.verb()).withGroup(group).withResource(plural)
                        .withSubresource(check.subresource()).withNamespace(namespace).endResourceAttributes().endSpec();
            }
            SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(b.build());
            SubjectAccessReviewStatus status = answer.getStatus();
            if (status == null || status.getAllowed() == null) return new AccessVerdict(check, null, "the API server gave no verdict");
            String why = status.getReason() == null || status.getReason().isBlank() ? status.getEvaluationError() : status.getReason();
            return new AccessVerdict(check, status.getAllowed(), why == null ? "" : why);
        } catch (RuntimeException e) {
            return new AccessVerdict(check, null, "cannot review access: " + ClusterFailure.oneLine(e));
        }
    }
}
