package com.dittofs.operator.e2e;

import com.dittofs.operator.dependent.PerconaCrdEventSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Prepares the control plane for the packaged operator: installs the generated CRD, creates the operator's
 * ServiceAccount bound only to the generated ClusterRole, and points the operator at the apiserver with that
 * account's token. The operator therefore runs with exactly the RBAC the build generates.
 */
public class OperatorUnderTest implements QuarkusTestResourceLifecycleManager {

    public static final String OPERATOR_NAMESPACE = "dittofs-system";
    public static final String SERVICE_ACCOUNT = "dittofs-operator";
    public static final String CLUSTER_ROLE = "dittoserver-cluster-role";
    public static final String OPERATOR_USER = "system:serviceaccount:" + OPERATOR_NAMESPACE + ":" + SERVICE_ACCOUNT;
    public static final String DATA_PLANE = "data-plane";
    public static final Path CRD = Path.of("target/kubernetes/dittoservers.dittofs.dittofs.com-v1.yml");
    public static final Path SNAPSHOT_CRD = Path.of("target/kubernetes/dittosnapshots.dittofs.dittofs.com-v1.yml");
    public static final Path RESTORE_CRD = Path.of("target/kubernetes/dittosnapshotrestores.dittofs.dittofs.com-v1.yml");
    public static final Path MANIFESTS = Path.of("target/kubernetes/kubernetes.yml");

    /** Whether the operator manages the dfs data plane: only where a test runs the real dfs (see RealDfs). */
    private boolean dataPlane;
    /** Operator settings a profile adds (arguments named dittofs.operator.*), e.g. short certificate lifetimes. */
    private final Map<String, String> settings = new java.util.TreeMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        dataPlane = Boolean.parseBoolean(initArgs.getOrDefault(DATA_PLANE, "false"));
        initArgs.forEach((key, value) -> {
            if (key.startsWith("dittofs.operator.")) {
                settings.put(key, value);
            }
        });
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(operatorConfig(ControlPlane.get(), dataPlane));
        config.putAll(settings);
        return config;
    }

    /**
     * Installs the CRD and the operator's RBAC into the cluster; returns the configuration that points the packaged
     * operator at it as its ServiceAccount (also used by {@link OperatorProcess}).
     */
    static Map<String, String> operatorConfig(ControlPlane cluster, boolean dataPlane) {
        try (KubernetesClient admin = cluster.admin()) {
            installCrd(admin);
            String token = installRbac(admin);
            return Map.ofEntries(
                    // Pods are simulated: only tests that run the real dfs for a pod let the operator drive its API,
                    // reaching it on the pod IP (a loopback address, see hack/cluster.sh).
                    Map.entry("dittofs.operator.data-plane.enabled", String.valueOf(dataPlane)),
                    Map.entry("dittofs.operator.data-plane.api-access", "pod-ip"),
                    Map.entry("quarkus.kubernetes-client.api-server-url", cluster.apiServerUrl()),
                    Map.entry("quarkus.kubernetes-client.ca-cert-file", cluster.caCert().toString()),
                    Map.entry("quarkus.kubernetes-client.token", token),
                    Map.entry("quarkus.kubernetes-client.namespace", OPERATOR_NAMESPACE),
                    Map.entry("quarkus.kubernetes-client.devservices.enabled", "false"),
                    Map.entry("dittofs.operator.lease-namespace", OPERATOR_NAMESPACE),
                    Map.entry("quarkus.log.console.json.enabled", "false"),
                    // SteadyStateIT counts the reconciles of one server
                    Map.entry("dittofs.operator.metrics.per-resource", "true"));
        }
    }

    @Override
    public void stop() {
        ControlPlane.stop();
    }

    /** The operator's CRDs: it starts only once the apiserver serves every kind it watches. */
    static void installCrd(KubernetesClient admin) {
        for (Path file : List.of(CRD, SNAPSHOT_CRD, RESTORE_CRD)) {
            try (InputStream in = Files.newInputStream(file)) {
                var crd = admin.apiextensions().v1().customResourceDefinitions().load(in).item();
                admin.resource(crd).forceConflicts().serverSideApply();
                awaitEstablished(admin, crd.getMetadata().getName());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until the apiserver serves the CRD's resources (condition Established). */
    static void awaitEstablished(KubernetesClient admin, String crd) {
        admin.apiextensions().v1().customResourceDefinitions().withName(crd)
                .waitUntilCondition(c -> c != null && PerconaCrdEventSource.established(c), 60, TimeUnit.SECONDS);
    }

    /** The operator's ServiceAccount with the generated roles and bindings; returns a token of the account. */
    static String installRbac(KubernetesClient admin) {
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(OPERATOR_NAMESPACE)
                .endMetadata().build()).serverSideApply();
        admin.serviceAccounts().resource(new ServiceAccountBuilder().withNewMetadata().withName(SERVICE_ACCOUNT)
                .withNamespace(OPERATOR_NAMESPACE).endMetadata().build()).serverSideApply();
        for (HasMetadata object : generatedRbac(admin)) {
            if (object instanceof ClusterRoleBinding binding) {
                binding.setSubjects(List.of(operatorAccount()));
            }
            if (object instanceof RoleBinding binding) {
                binding.setSubjects(List.of(operatorAccount()));
            }
            if (object.getMetadata().getNamespace() == null && !object.getKind().startsWith("Cluster")) {
                object.getMetadata().setNamespace(OPERATOR_NAMESPACE);
            }
            admin.resource(object).forceConflicts().serverSideApply();
        }
        return admin.serviceAccounts().inNamespace(OPERATOR_NAMESPACE).withName(SERVICE_ACCOUNT)
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(24 * 3600L).endSpec()
                        .build())
                .getStatus().getToken();
    }

    private static io.fabric8.kubernetes.api.model.rbac.Subject operatorAccount() {
        return new SubjectBuilder().withKind("ServiceAccount").withName(SERVICE_ACCOUNT)
                .withNamespace(OPERATOR_NAMESPACE).build();
    }

    static List<HasMetadata> generatedRbac(KubernetesClient admin) {
        try (InputStream in = Files.newInputStream(MANIFESTS)) {
            return admin.load(in).items().stream()
                    .filter(o -> List.of("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding")
                            .contains(o.getKind()))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
