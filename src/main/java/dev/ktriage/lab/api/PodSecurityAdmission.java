package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The Pod Security admission a namespace's labels ask for ({@code
 * pod-security.kubernetes.io/enforce: baseline|restricted}, {@code enforce-version}), for the checks
 * a pod that reaches into its node fails. The text is the admission plugin's
 * (kubernetes/kubernetes staging/src/k8s.io/pod-security-admission: admission/admission.go
 * {@code "violates PodSecurity %q: %s"}; policy/checks.go ForbiddenDetail, {@code reason (detail)}
 * joined by ", "; policy/registry.go: baseline checks then restricted ones, each group in the
 * order of their IDs, restricted's restrictedVolumes taking the place of hostPathVolumes; the
 * reasons and details of policy/check_hostNamespaces.go, check_hostPathVolumes.go,
 * check_privileged.go, check_allowPrivilegeEscalation.go, check_capabilities_restricted.go,
 * check_restrictedVolumes.go, check_runAsNonRoot.go, check_seccompProfile_restricted.go).
 *
 * <p>Checks a debug pod cannot fail (host ports, capabilities added, sysctls, AppArmor, SELinux,
 * procMount, runAsUser 0) are not made: the lab admits what they would refuse.
 */
final class PodSecurityAdmission {

    static final String ENFORCE = "pod-security.kubernetes.io/enforce";
    static final String ENFORCE_VERSION = "pod-security.kubernetes.io/enforce-version";

    private static final List<String> ALLOWED_VOLUMES = List.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret");

    private PodSecurityAdmission() {
    }

    /** Why the namespace's policy refuses the pod ("violates PodSecurity ..."), or empty when it admits it. */
    static Optional<String> refusal(JsonNode namespace, JsonNode pod) {
        JsonNode labels = namespace.path("metadata").path("labels");
        String level = labels.path(ENFORCE).asText("privileged");
        if (!level.equals("baseline") && !level.equals("restricted")) return Optional.empty();
        String version = labels.path(ENFORCE_VERSION).asText("latest");
        List<String> reasons = new ArrayList<>();
        JsonNode spec = pod.path("spec");
        List<JsonNode> containers = new ArrayList<>();
        for (String kind : List.of("initContainers", "containers")) spec.path(kind).forEach(containers::add);

        // baseline, by check ID: hostNamespaces, hostPathVolumes (not for restricted), privileged
        List<String> hostNamespaces = new ArrayList<>();
        for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) if (spec.path(field).asBoolean(false)) hostNamespaces.add(field + "=true");
        if (!hostNamespaces.isEmpty()) reasons.add("host namespaces (" + String.join(", ", hostNamespaces) + ")");
        List<String> hostPaths = new ArrayList<>();
        spec.path("volumes").forEach(v -> {
            if (v.has("hostPath")) hostPaths.add(v.path("name").asText());
        });
        if (level.equals("baseline") && !hostPaths.isEmpty()) reasons.add("hostPath volumes (" + counted("volume", "volumes", hostPaths) + ")");
        List<String> privileged = names(containers, c -> c.path("securityContext").path("privileged").asBoolean(false));
        if (!privileged.isEmpty()) reasons.add("privileged (" + counted("container", "containers", privileged) + " must not set securityContext.privileged=true)");
        if (level.equals("restricted")) restricted(spec, containers, reasons);
        if (reasons.isEmpty()) return Optional.empty();
        return Optional.of("violates PodSecurity \"" + level + ":" + version + "\": " + String.join(", ", reasons));
    }

    /** allowPrivilegeEscalation, capabilities_restricted, restrictedVolumes, runAsNonRoot, seccompProfile_restricted. */
    private static void restricted(JsonNode spec, List<JsonNode> containers, List<String> reasons) {
        List<String> escalating = names(containers, c -> !c.path("securityContext").path("allowPrivilegeEscalation").isBoolean()
                || c.path("securityContext").path("allowPrivilegeEscalation").asBoolean());
        if (!escalating.isEmpty()) {
            reasons.add("allowPrivilegeEscalation != false (" + counted("container", "containers", escalating)
                    + " must set securityContext.allowPrivilegeEscalation=false)");
        }
        List<String> notDroppingAll = names(containers, c -> {
            for (JsonNode d : c.path("securityContext").path("capabilities").path("drop")) if (d.asText().equals("ALL")) return false;
            return true;
        });
        if (!notDroppingAll.isEmpty()) {
            reasons.add("unrestricted capabilities (" + counted("container", "containers", notDroppingAll) + " must set securityContext.capabilities.drop=[\"ALL\"])");
        }
        List<String> badVolumes = new ArrayList<>();
        TreeSet<String> badTypes = new TreeSet<>();
        spec.path("volumes").forEach(v -> {
            String type = volumeType(v);
            if (ALLOWED_VOLUMES.contains(type)) return;
            badVolumes.add(v.path("name").asText());
            badTypes.add(type);
        });
        if (!badVolumes.isEmpty()) {
            reasons.add("restricted volume types (" + counted("volume", "volumes", badVolumes) + " " + (badVolumes.size() == 1 ? "uses" : "use") + " "
                    + (badTypes.size() == 1 ? "restricted volume type " : "restricted volume types ") + joinQuote(List.copyOf(badTypes)) + ")");
        }
        boolean podNonRoot = spec.path("securityContext").path("runAsNonRoot").asBoolean(false);
        List<String> maybeRoot = names(containers, c -> !podNonRoot && !c.path("securityContext").path("runAsNonRoot").asBoolean(false));
        if (!maybeRoot.isEmpty()) {
            reasons.add("runAsNonRoot != true (pod or " + counted("container", "containers", maybeRoot) + " must set securityContext.runAsNonRoot=true)");
        }
        boolean podSeccomp = validSeccomp(spec.path("securityContext").path("seccompProfile").path("type").asText(""));
        List<String> noSeccomp = names(containers, c -> !podSeccomp && !validSeccomp(c.path("securityContext").path("seccompProfile").path("type").asText("")));
        if (!noSeccomp.isEmpty()) {
            reasons.add("seccompProfile (pod or " + counted("container", "containers", noSeccomp)
                    + " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")");
        }
    }

    private static boolean validSeccomp(String type) {
        return type.equals("RuntimeDefault") || type.equals("Localhost");
    }

    private static String volumeType(JsonNode volume) {
        var fields = volume.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (!f.equals("name")) return f;
        }
        return "unknown";
    }

    private static List<String> names(List<JsonNode> containers, java.util.function.Predicate<JsonNode> bad) {
        return containers.stream().filter(bad).map(c -> c.path("name").asText()).toList();
    }

    /** As the checks' pluralize and joinQuote write them: container "a", containers "a", "b". */
    private static String counted(String one, String many, List<String> names) {
        return (names.size() == 1 ? one : many) + " " + joinQuote(names);
    }

    private static String joinQuote(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }
}
