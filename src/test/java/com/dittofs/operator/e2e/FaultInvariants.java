package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dependent.GeneratesAdminSecret;
import com.dittofs.operator.dependent.IssuesApiCertificate;
import com.dittofs.operator.dependent.GeneratesJwtSecret;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * What every fault test checks once the servers are Ready again: nothing duplicated (each server has exactly its
 * ConfigMap, StatefulSet, Services and generated Secrets, found by the instance label), no generated Secret regenerated (same UID and values as when
 * first seen), no PersistentVolumeClaim lost (same UID). {@link #observe} is called before and during the fault: what
 * it saw first is what must still be there.
 */
public final class FaultInvariants {

    private final KubernetesClient admin;
    private final String namespace;
    private final Map<String, String> pvcUids = new HashMap<>();
    private final Map<String, Secret> generatedSecrets = new HashMap<>();
    private final java.util.function.Predicate<String> servers;

    /** For every DittoServer of the namespace. */
    public FaultInvariants(KubernetesClient admin, String namespace) {
        this(admin, namespace, name -> true);
    }

    /** For the named DittoServers only (other tests of the class may leave servers that never get Ready). */
    public FaultInvariants(KubernetesClient admin, String namespace, List<String> servers) {
        this(admin, namespace, servers::contains);
    }

    private FaultInvariants(KubernetesClient admin, String namespace, java.util.function.Predicate<String> servers) {
        this.admin = admin;
        this.namespace = namespace;
        this.servers = servers;
    }

    private List<DittoServer> servers() {
        return admin.resources(DittoServer.class).inNamespace(namespace).list().getItems().stream()
                .filter(s -> servers.test(s.getMetadata().getName())).toList();
    }

    /** A claim of a volumeClaimTemplate of one of the servers' StatefulSets: TEMPLATE-STATEFULSET-ORDINAL. */
    private boolean ofOurServers(String pvc) {
        return servers().stream().anyMatch(s -> pvc.matches(".+-" + java.util.regex.Pattern.quote(
                Names.statefulSet(s)) + "-[0-9]+"));
    }

    /** Prints the one greppable line of a fault's recovery time: fault injected until every server Ready. */
    public static void printRecovery(String fault, Duration recovery) {
        System.out.printf(java.util.Locale.ROOT, "FAULT recovery %s: %.1f s%n", fault, recovery.toMillis() / 1000.0);
    }

    /** Remembers the PVCs and generated Secrets that exist now (the first sighting of each counts). */
    public FaultInvariants observe() {
        for (var pvc : admin.persistentVolumeClaims().inNamespace(namespace).list().getItems()) {
            if (ofOurServers(pvc.getMetadata().getName())) {
                pvcUids.putIfAbsent(pvc.getMetadata().getName(), pvc.getMetadata().getUid());
            }
        }
        for (DittoServer server : servers()) {
            for (String name : expectedSecrets(server)) {
                Secret secret = admin.secrets().inNamespace(namespace).withName(name).get();
                if (secret != null) {
                    generatedSecrets.putIfAbsent(name, secret);
                }
            }
        }
        return this;
    }

    /** Checks the invariants (call once the servers are all Ready). */
    public void assertIntact() {
        for (DittoServer server : servers()) {
            String name = server.getMetadata().getName();
            assertThat(names(admin.configMaps().inNamespace(namespace).withLabel(Labels.INSTANCE, name).list()
                    .getItems())).as("ConfigMaps of " + name).containsExactly(Names.config(server));
            assertThat(names(admin.apps().statefulSets().inNamespace(namespace).withLabel(Labels.INSTANCE, name)
                    .list().getItems())).as("StatefulSets of " + name).containsExactly(Names.statefulSet(server));
            assertThat(names(admin.services().inNamespace(namespace).withLabel(Labels.INSTANCE, name).list()
                    .getItems())).as("Services of " + name).containsExactlyElementsOf(expectedServices(server));
            // Secrets the operator makes for the server: generated credentials (labelled, deliberately not owned: they
            // outlive the server) and the REST API certificate it issues (owned).
            assertThat(names(admin.secrets().inNamespace(namespace).withLabel(Labels.INSTANCE, name).list()
                    .getItems())).as("generated Secrets of " + name).containsExactlyElementsOf(expectedSecrets(server));
            assertThat(admin.apps().statefulSets().inNamespace(namespace).withName(Names.statefulSet(server)).get()
                    .getMetadata().getOwnerReferences()).as("owner of StatefulSet " + name)
                    .anyMatch(o -> server.getMetadata().getUid().equals(o.getUid()));
        }
        generatedSecrets.forEach((name, before) -> {
            Secret now = admin.secrets().inNamespace(namespace).withName(name).get();
            assertThat(now).as("generated Secret " + name).isNotNull();
            assertThat(now.getMetadata().getUid()).as("UID of generated Secret " + name)
                    .isEqualTo(before.getMetadata().getUid());
            assertThat(now.getData()).as("values of generated Secret " + name).isEqualTo(before.getData());
        });
        pvcUids.forEach((name, uid) -> {
            var pvc = admin.persistentVolumeClaims().inNamespace(namespace).withName(name).get();
            assertThat(pvc).as("PVC " + name).isNotNull();
            assertThat(pvc.getMetadata().getUid()).as("UID of PVC " + name).isEqualTo(uid);
        });
    }

    public int pvcsSeen() {
        return pvcUids.size();
    }

    public int generatedSecretsSeen() {
        return generatedSecrets.size();
    }

    private static Set<String> names(List<? extends HasMetadata> objects) {
        Set<String> names = new TreeSet<>();
        objects.forEach(o -> names.add(o.getMetadata().getName()));
        return names;
    }

    private static Set<String> expectedServices(DittoServer server) {
        Set<String> names = new TreeSet<>(Set.of(Names.headlessService(server), Names.fileService(server),
                Names.apiService(server)));
        if (Boolean.TRUE.equals(server.getSpec().getMetrics().getEnabled())) {
            names.add(Names.metricsService(server));
        }
        return names;
    }

    private static Set<String> expectedSecrets(DittoServer server) {
        Set<String> names = new TreeSet<>();
        if (new GeneratesJwtSecret().isMet(null, server, null)) {
            names.add(Names.jwtSecret(server));
        }
        if (new GeneratesAdminSecret().isMet(null, server, null)) {
            names.add(Names.adminSecret(server));
        }
        if (new IssuesApiCertificate().isMet(null, server, null)) {
            names.add(Names.operatorApiTlsSecret(server)); // the certificate the operator issues for the REST API
        }
        return names;
    }
}
