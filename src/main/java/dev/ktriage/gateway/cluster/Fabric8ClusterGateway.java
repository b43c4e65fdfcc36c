package dev.ktriage.gateway.cluster;

import dev.ktriage.gateway.AccessCheck;
import dev.ktriage.gateway.AccessReviewer;
import dev.ktriage.gateway.AccessVerdict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktriage.gateway.ClusterAnswer;
import dev.ktriage.gateway.ClusterGateway;
import dev.ktriage.gateway.ClusterRequest;
import dev.ktriage.gateway.GatherStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Listable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster gateway over fabric8, for a live cluster and for the lab alike. Every selector and
 * limit goes to the server; failures come back as answers with a reason, never as exceptions.
 */
public final class Fabric8ClusterGateway implements ClusterGateway, AccessReviewer {

    private final KubernetesClient client;
    private final String description;
    private final RawHttp http;
    private final DiscoveredTypes types;

    private Fabric8ClusterGateway(KubernetesClient client, String description, Duration timeout) {
        this.client = client;
        this.description = description;
        this.http = new RawHttp(client, timeout);
        this.types = new DiscoveredTypes(client);
    }

    /**
     * @param kubeconfigOrNull else $KUBECONFIG, else ~/.kube/config
     * @throws ClusterConfigException when the kubeconfig is missing or unreadable, or has no such context
     */
    public static Fabric8ClusterGateway connect(Path kubeconfigOrNull, String contextOrNull, String namespaceOrNull,
                                                Duration requestTimeout) {
        return connect(kubeconfigOrNull, contextOrNull, namespaceOrNull, requestTimeout, System.getenv(), InCluster.SERVICE_ACCOUNT);
    }

    /**
     * As above, with the environment and the service account folder given (tests). With no kubeconfig
     * named and none found, a pod's in-cluster configuration is used when there is one.
     */
    static Fabric8ClusterGateway connect(Path kubeconfigOrNull, String contextOrNull, String namespaceOrNull,
                                         Duration requestTimeout, Map<String, String> env, Path serviceAccount) {
        Optional<InCluster> inCluster = kubeconfigOrNull == null && !Kubeconfig.present(env)
                ? InCluster.detect(env, serviceAccount) : Optional.empty();
        if (inCluster.isPresent()) {
            if (contextOrNull != null) {
                throw new ClusterConfigException("--context " + contextOrNull + ": there is no kubeconfig here, only the pod's in-cluster configuration");
            }
            ConfigBuilder builder = inCluster.get().config();
            if (namespaceOrNull != null) builder.withNamespace(namespaceOrNull);
            Config config = withTimeouts(builder, requestTimeout);
            return new Fabric8ClusterGateway(new KubernetesClientBuilder().withConfig(config).build(),
                    inCluster.get().describe() + "/" + config.getNamespace(), requestTimeout);
        }
        Kubeconfig kubeconfig = Kubeconfig.locate(kubeconfigOrNull, env);
        String context = kubeconfig.context(contextOrNull);
        Config loaded;
        try {
            loaded = Config.fromKubeconfig(context, kubeconfig.file().toFile());
        } catch (RuntimeException e) {
            throw new ClusterConfigException(kubeconfig.file() + ": cannot use context '" + context + "': " + ClusterFailure.oneLine(e), e);
        }
        ConfigBuilder builder = new ConfigBuilder(loaded);
        if (namespaceOrNull != null) builder.withNamespace(namespaceOrNull);
        Config config = withTimeouts(builder, requestTimeout);
        String namespace = config.getNamespace() == null ? "default" : config.getNamespace();
        return new Fabric8ClusterGateway(new KubernetesClientBuilder().withConfig(config).build(), context + "/" + namespace,
                requestTimeout);
    }

    /**
     * The context names of the kubeconfig {@link #connect} would read, in the file's order.
     *
     * @throws ClusterConfigException when the kubeconfig is missing or unreadable
     */
    public static List<String> contexts(Path kubeconfigOrNull) {
        return Kubeconfig.locate(kubeconfigOrNull, System.getenv()).contexts();
    }

    /** For the lab: a server URL, namespace default, no kubeconfig read at all. */
    public static Fabric8ClusterGateway forUrl(String masterUrl, Duration timeout) {
        ConfigBuilder builder = new ConfigBuilder(Config.empty()).withMasterUrl(masterUrl).withNamespace("default")
                .withOauthToken("ktriage-lab-token");
        return new Fabric8ClusterGateway(new KubernetesClientBuilder().withConfig(withTimeouts(builder, timeout)).build(),
                "lab/default", timeout);
    }

    /** One attempt per call: the operator is waiting, and the transcript should record what happened, not a retry loop. */
    private static Config withTimeouts(ConfigBuilder builder, Duration timeout) {
        int ms = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        return builder.withRequestTimeout(ms).withConnectionTimeout(ms).withRequestRetryBackoffLimit(0).build();
    }

    /** The client itself, for the one gateway that writes: debug pods (create, exec, delete). */
    public KubernetesClient kubernetesClient() {
        return client;
    }

    @Override
    public String namespace() {
        return client.getNamespace();
    }

    @Override
    public ClusterAnswer query(ClusterRequest request) {
        long start = System.nanoTime();
        try {
            // Java 17: no pattern switch yet; the interface is sealed, so these five are all.
            if (request instanceof ClusterRequest.Get get) return get(get, start);
            if (request instanceof ClusterRequest.ListObjects list) return list(list, start);
            if (request instanceof ClusterRequest.Logs logs) return http.logs(logs, start);
            if (request instanceof ClusterRequest.AccessReview review) return SubjectReview.ask(client, review, start);
            return http.raw(((ClusterRequest.Raw) request).path(), start);
        } catch (RuntimeException e) {
            ClusterFailure f = ClusterFailure.of(e, request.key());
            return ClusterAnswer.failed(f.status(), f.httpCode(), f.reason(), RawHttp.millisSince(start));
        }
    }

    private ClusterAnswer get(ClusterRequest.Get get, long start) {
        Optional<ResourceType> type = type(get.resource());
        if (type.isEmpty()) return unknown(get.resource(), start);
        String namespace = type.get().namespaced() ? namespaceOrDefault(get.namespace()) : null;
        try {
            var op = operation(type.get());
            GenericKubernetesResource found = (namespace == null ? op.withName(get.name()) : op.inNamespace(namespace).withName(get.name())).get();
            long ms = RawHttp.millisSince(start);
            // A missing object is an answer the playbook can judge ("the APIService is not there").
            return found == null ? ClusterAnswer.json(404, null, ms) : ClusterAnswer.json(200, toJson(found), ms);
        } catch (RuntimeException e) {
            return failed(e, "get", type.get().plural(), namespace, start);
        }
    }

    private ClusterAnswer list(ClusterRequest.ListObjects list, long start) {
        Optional<ResourceType> type = type(list.resource());
        if (type.isEmpty()) return unknown(list.resource(), start);
        String namespace = type.get().namespaced() ? list.namespace() : null;
        ListOptionsBuilder options = new ListOptionsBuilder();
        if (list.labelSelector() != null) options.withLabelSelector(list.labelSelector());
        if (list.fieldSelector() != null) options.withFieldSelector(list.fieldSelector());
        if (list.limit() != null) options.withLimit(list.limit().longValue());
        try {
            var op = operation(type.get());
            Listable<GenericKubernetesResourceList> scope = !type.get().namespaced() ? op
                    : namespace == null ? op.inAnyNamespace() : op.inNamespace(namespace);
            GenericKubernetesResourceList result = scope.list(options.build());
            return ClusterAnswer.json(200, toJson(result), RawHttp.millisSince(start));
        } catch (KubernetesClientException e) {
            // 404 on a collection: the resource type is not served (a CRD that is not installed). An answer, not a failure.
            if (e.getCode() == 404) return ClusterAnswer.json(404, null, RawHttp.millisSince(start));
            return failed(e, "list", type.get().plural(), namespace, start);
        } catch (RuntimeException e) {
            return failed(e, "list", type.get().plural(), namespace, start);
        }
    }

    private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> operation(
            ResourceType type) {
        return client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                .withGroup(type.group()).withVersion(type.version()).withPlural(type.plural())
                .withKind(type.kind()).withNamespaced(type.namespaced()).build());
    }

    /** "events" is core/v1; "events.events.k8s.io" names the group, as kubectl accepts it. */
    private Optional<ResourceType> type(String resource) {
        int dot = resource.indexOf('.');
        return dot < 0 ? types.resolve(resource, null) : types.resolve(resource.substring(0, dot), resource.substring(dot + 1));
    }

    private String namespaceOrDefault(String namespace) {
        if (namespace != null) return namespace;
        String configured = client.getConfiguration().getNamespace();
        return configured == null ? "default" : configured;
    }

    private JsonNode toJson(Object value) {
        return client.getKubernetesSerialization().convertValue(value, JsonNode.class);
    }

    private static ClusterAnswer failed(RuntimeException e, String verb, String resource, String namespace, long start) {
        ClusterFailure f = ClusterFailure.of(e, verb, resource, namespace);
        return ClusterAnswer.failed(f.status(), f.httpCode(), f.reason(), RawHttp.millisSince(start));
    }

    private static ClusterAnswer unknown(String resource, long start) {
        return ClusterAnswer.failed(GatherStatus.ERROR, 0, "error: unknown resource type '" + resource + "'", RawHttp.millisSince(start));
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether these credentials may make a read, asked with a SelfSubjectAccessReview. */
    @Override
    public AccessVerdict review(AccessCheck check) {
        return new SelfAccessReview(client).review(check);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        client.close();
    }
}
