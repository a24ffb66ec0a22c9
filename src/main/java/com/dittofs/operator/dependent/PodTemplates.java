package com.dittofs.operator.dependent;

import java.util.ArrayList;
import java.util.List;

import com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec;
import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.api.v1alpha1.MetricsSpec;
import com.dittofs.operator.dfsconfig.SecretResolution;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import com.dittofs.operator.api.v1alpha1.KerberosSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/** Pieces of the dfs pod template: ports, environment, probes, mounts and secure defaults. */
final class PodTemplates {

    /** The dfs image's non-root user. */
    static final long DFS_UID = 65532L;
    static final int PRE_STOP_SECONDS = 5;

    private PodTemplates() {
    }

    static List<ContainerPort> ports(DittoServerSpec spec) {
        List<ContainerPort> ports = new ArrayList<>();
        ports.add(port(Ports.API, spec.getControlPlane().getPort()));
        if (spec.getMetrics().getEnabled()) {
            ports.add(port(Ports.METRICS, spec.getMetrics().getPort()));
        }
        if (spec.getNfs().getEnabled()) {
            ports.add(port(Ports.NFS, Ports.NFS_CONTAINER));
        }
        if (spec.getNfs().portmapperServed()) {
            ports.add(port(Ports.PORTMAP, Ports.PORTMAP_CONTAINER));
            ports.add(udp(Ports.PORTMAP_UDP, Ports.PORTMAP_CONTAINER));
        }
        if (spec.getNfs().udpServed()) {
            ports.add(udp(Ports.NFS_UDP, Ports.NFS_CONTAINER));
        }
        if (spec.getSmb().getEnabled()) {
            ports.add(port(Ports.SMB, Ports.SMB_CONTAINER));
        }
        return ports;
    }

    private static ContainerPort port(String name, int port) {
        return new ContainerPortBuilder().withName(name).withContainerPort(port).withProtocol("TCP").build();
    }

    private static ContainerPort udp(String name, int port) {
        return new ContainerPortBuilder().withName(name).withContainerPort(port).withProtocol("UDP").build();
    }

    /** Plain variables first, then one secretKeyRef per resolved Secret key: no secret value is ever inlined. */
    static List<EnvVar> env(java.util.Map<String, String> literals, SecretResolution secrets) {
        List<EnvVar> env = new ArrayList<>();
        literals.forEach((name, value) -> env.add(new EnvVar(name, value, null)));
        for (SecretResolution.Resolved r : secrets.resolved()) {
            if (r.binding().mounted()) {
                continue;
            }
            env.add(new EnvVarBuilder()
                    .withName(r.binding().env())
                    .withNewValueFrom()
                    .withNewSecretKeyRef().withName(r.binding().secret()).withKey(r.key()).endSecretKeyRef()
                    .endValueFrom()
                    .build());
        }
        return env;
    }

    static List<VolumeMount> mounts(DittoServerSpec spec) {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(mount(Names.VOLUME_CONFIG, Names.CONFIG_DIR, true));
        mounts.add(mount(Names.VOLUME_TMP, Names.TMP_DIR, false));
        mounts.addAll(dataMounts(spec));
        if (spec.getLogging().toFile()) {
            mounts.add(mount(Names.VOLUME_LOGS, Names.LOG_DIR, false));
        }
        if (MetricsSpec.tokenIn(spec)) {
            mounts.add(mount(Names.VOLUME_METRICS_TOKEN, Names.METRICS_TOKEN_DIR, true));
        }
        if (ControlPlaneTlsSpec.clientAuthIn(spec).isPresent()) {
            mounts.add(mount(Names.VOLUME_TLS_CLIENT_CA, Names.TLS_CLIENT_CA_DIR, true));
        }
        if (ControlPlaneTlsSpec.enabledIn(spec)) {
            mounts.add(mount(Names.VOLUME_TLS, Names.TLS_DIR, true));
        }
        if (ldapCa(spec) != null) {
            mounts.add(mount(Names.VOLUME_LDAP_CA, Names.LDAP_CA_DIR, true));
        }
        if (KerberosSpec.enabledIn(spec).isPresent()) {
            mounts.add(mount(Names.VOLUME_KRB5_KEYTAB, Names.KERBEROS_DIR, true));
            mounts.add(mount(Names.VOLUME_KRB5_CONF, Names.KRB5_CONF_DIR, true));
        }
        return mounts;
    }

    /** The persistent volumes dfs writes: metadata, cache and, when declared, content. */
    static List<VolumeMount> dataMounts(DittoServerSpec spec) {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(mount(Names.VOLUME_METADATA, Names.METADATA_DIR, false));
        mounts.add(mount(Names.VOLUME_CACHE, Names.CACHE_DIR, false));
        if (spec.getStorage().getContentSize() != null) {
            mounts.add(mount(Names.VOLUME_CONTENT, Names.CONTENT_DIR, false));
        }
        return mounts;
    }

    /** The config, a writable /tmp and, with TLS, the certificate Secret (whole, so that rotations reach dfs). */
    static List<Volume> volumes(DittoServer server) {
        List<Volume> volumes = new ArrayList<>();
        volumes.add(new VolumeBuilder().withName(Names.VOLUME_CONFIG)
                .withNewConfigMap().withName(Names.config(server)).endConfigMap().build());
        volumes.add(new VolumeBuilder().withName(Names.VOLUME_TMP).withNewEmptyDir().endEmptyDir().build());
        if (server.getSpec().getLogging().toFile()) {
            volumes.add(new VolumeBuilder().withName(Names.VOLUME_LOGS).withNewEmptyDir().endEmptyDir().build());
        }
        if (MetricsSpec.tokenIn(server.getSpec())) {
            // the key as a fixed file name: the config names the file, whatever key the user chose
            var ref = server.getSpec().getMetrics().getBearerTokenSecret();
            volumes.add(new VolumeBuilder().withName(Names.VOLUME_METRICS_TOKEN).withNewSecret()
                    .withSecretName(ref.getName()).addNewItem().withKey(ref.getKey())
                    .withPath(Names.METRICS_TOKEN_FILE).endItem().endSecret().build());
        }
        ControlPlaneTlsSpec.clientAuthIn(server.getSpec()).ifPresent(auth -> {
            // only the CA bundle: without a Secret of the user's, the operator's CA Secret, whose key stays out
            var ref = auth.getCaSecretRef();
            volumes.add(new VolumeBuilder().withName(Names.VOLUME_TLS_CLIENT_CA).withNewSecret()
                    .withSecretName(ref == null ? Names.API_CA_SECRET : ref.getName()).addNewItem()
                    .withKey(ref == null ? Names.TLS_CA_KEY : ref.getKey()).withPath(Names.TLS_CA_KEY).endItem()
                    .endSecret().build());
        });
        if (ControlPlaneTlsSpec.enabledIn(server.getSpec())) {
            volumes.add(new VolumeBuilder().withName(Names.VOLUME_TLS).withNewSecret()
                    .withSecretName(ControlPlaneTlsSpec.secretNameIn(server))
                    .endSecret().build());
        }
        var ca = ldapCa(server.getSpec());
        if (ca != null) {
            // optional: a missing CA Secret is reported by the identity sync, it does not hold the pod back
            volumes.add(new VolumeBuilder().withName(Names.VOLUME_LDAP_CA).withNewSecret()
                    .withSecretName(ca.getName()).withOptional(true)
                    .addNewItem().withKey(ca.getKey()).withPath(Names.TLS_CA_KEY).endItem()
                    .endSecret().build());
        }
        KerberosSpec.enabledIn(server.getSpec()).ifPresent(kerberos -> {
            volumes.add(projected(Names.VOLUME_KRB5_KEYTAB, kerberos.getKeytabSecretRef(), "keytab"));
            volumes.add(projected(Names.VOLUME_KRB5_CONF, kerberos.getKrb5ConfSecretRef(), "krb5.conf"));
        });
        return volumes;
    }

    /** One key of a Secret as a file of a fixed name: whole-volume (no subPath), so the kubelet refreshes it. */
    private static Volume projected(String name, io.fabric8.kubernetes.api.model.SecretKeySelector ref, String file) {
        return new VolumeBuilder().withName(name).withNewSecret().withSecretName(ref.getName())
                .addNewItem().withKey(ref.getKey()).withPath(file).endItem()
                .endSecret().build();
    }

    private static io.fabric8.kubernetes.api.model.SecretKeySelector ldapCa(DittoServerSpec spec) {
        return spec.getIdentity() == null || spec.getIdentity().getLdap() == null ? null
                : spec.getIdentity().getLdap().getCaSecretRef();
    }

    private static VolumeMount mount(String name, String path, boolean readOnly) {
        return new VolumeMountBuilder().withName(name).withMountPath(path).withReadOnly(readOnly ? true : null).build();
    }

    /** Liveness: the HTTP server is up. A failing liveness probe restarts dfs, so it checks nothing deeper. */
    static Probe liveness(DittoServerSpec spec) {
        return http(spec, Ports.HEALTH_PATH, 10, 5, 3);
    }

    /** Readiness: the dfs runtime is initialised. */
    static Probe readiness(DittoServerSpec spec) {
        return http(spec, Ports.READY_PATH, 5, 3, 3);
    }

    /** Startup: up to five minutes for a first start (database migrations) before liveness takes over. */
    static Probe startup(DittoServerSpec spec) {
        return http(spec, Ports.HEALTH_PATH, 5, 3, 60);
    }

    /**
     * HTTPS when the API serves TLS (the kubelet does not verify the certificate of a probe). With mutual TLS dfs
     * refuses every request without a client certificate, /health too, and the kubelet has none: a TCP check of the
     * API port then (the operator's own calls, with its certificate, tell whether dfs answers).
     */
    private static Probe http(DittoServerSpec spec, String path, int period, int timeout, int failures) {
        String scheme = ControlPlaneTlsSpec.enabledIn(spec) ? "HTTPS" : "HTTP";
        ProbeBuilder probe = ControlPlaneTlsSpec.clientAuthIn(spec).isPresent()
                ? new ProbeBuilder().withNewTcpSocket().withPort(new IntOrString(Ports.API)).endTcpSocket()
                : new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString(Ports.API))
                        .withScheme(scheme).endHttpGet();
        return probe
                .withPeriodSeconds(period)
                .withTimeoutSeconds(timeout)
                .withFailureThreshold(failures)
                .build();
    }

    /** Explicit requests so the scheduler places dfs sensibly; no limits by default (a CPU limit throttles I/O). */
    static ResourceRequirements resources(DittoServerSpec spec) {
        if (spec.getResources() != null) {
            return spec.getResources();
        }
        return new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("250m"))
                .addToRequests("memory", new Quantity("256Mi"))
                .build();
    }

    /** Restricted Pod Security Standard for the container, unless the user brings their own. */
    static SecurityContext containerSecurity(DittoServerSpec spec) {
        if (spec.getSecurityContext() != null) {
            return spec.getSecurityContext();
        }
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    /** Restricted Pod Security Standard for the pod, unless the user brings their own. */
    static PodSecurityContext podSecurity(DittoServerSpec spec) {
        if (spec.getPodSecurityContext() != null) {
            return spec.getPodSecurityContext();
        }
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(DFS_UID)
                .withRunAsGroup(DFS_UID)
                .withFsGroup(DFS_UID)
                .withFsGroupChangePolicy("OnRootMismatch")
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }
}
