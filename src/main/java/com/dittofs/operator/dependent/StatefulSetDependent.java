package com.dittofs.operator.dependent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.api.v1alpha1.StorageSpec;
import com.dittofs.operator.cache.LeanItemStore;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.events.EventReasons;
import com.dittofs.operator.events.EventRecorder;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** {@code <name>}: the single dfs pod and its volume claims (metadata, cache, optional content). */
@KubernetesDependent(informer = @Informer(itemStore = LeanItemStore.class,
        labelSelector = Labels.MANAGED_SELECTOR + "," + Labels.COMPONENT + "=" + Labels.COMPONENT_SERVER))
public class StatefulSetDependent extends DittoDependent<StatefulSet> {

    public static final String NAME = "statefulset";
    /** The kubelet puts the end of a failed container's log into its terminated state's message. */
    public static final String TERMINATION_MESSAGE_POLICY = "FallbackToLogsOnError";

    public StatefulSetDependent() {
        super(StatefulSet.class, Labels.COMPONENT_SERVER, Names::statefulSet);
    }

    @Override
    protected StatefulSet desired(DittoServer server, Context<DittoServer> context) {
        PodInputs inputs = PodInputs.of(server, context);
        Optional<StatefulSet> actual = context.getSecondaryResource(StatefulSet.class, NAME);
        return build(server, inputs, actual.map(s -> s.getSpec().getVolumeClaimTemplates()));
    }

    static StatefulSet build(DittoServer server, PodInputs inputs, Optional<List<PersistentVolumeClaim>> existingClaims) {
        DittoServerSpec spec = server.getSpec();
        return new StatefulSetBuilder()
                .withMetadata(metadata(server).build())
                .withNewSpec()
                .withReplicas(spec.getReplicas())
                .withServiceName(Names.headlessService(server))
                .withNewSelector().withMatchLabels(ServicePorts.podSelector(server)).endSelector()
                .withPodManagementPolicy("OrderedReady")
                .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
                .withNewPersistentVolumeClaimRetentionPolicy()
                .withWhenDeleted(spec.getStorage().getRetentionPolicy().name())
                // Scaling to 0 stops the (single-node) server: its data must survive that.
                .withWhenScaled("Retain")
                .endPersistentVolumeClaimRetentionPolicy()
                .withTemplate(podTemplate(server, inputs))
                // Claim templates are immutable: once the StatefulSet exists, keep what it has unless a size grew.
                .withVolumeClaimTemplates(ClaimTemplates.desired(server, existingClaims))
                .endSpec()
                .build();
    }

    private static io.fabric8.kubernetes.api.model.ObjectMetaBuilder metadata(DittoServer server) {
        return new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName(Names.statefulSet(server))
                .withNamespace(server.getMetadata().getNamespace())
                .withLabels(Labels.of(server, server.getSpec().getImage(), Labels.COMPONENT_SERVER));
    }

    static PodTemplateSpec podTemplate(DittoServer server, PodInputs inputs) {
        DittoServerSpec spec = server.getSpec();
        Map<String, String> labels = new LinkedHashMap<>();
        if (spec.getPodLabels() != null) {
            labels.putAll(spec.getPodLabels());
        }
        labels.putAll(Labels.of(server, server.getSpec().getImage(), Labels.COMPONENT_SERVER));
        Map<String, String> annotations = new LinkedHashMap<>();
        if (spec.getPodAnnotations() != null) {
            annotations.putAll(spec.getPodAnnotations());
        }
        annotations.put(Labels.POD_INPUTS_HASH, inputs.hash());
        var container = container(server, inputs);
        return new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(labels).withAnnotations(annotations).endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withTerminationGracePeriodSeconds(spec.getTerminationGracePeriodSeconds())
                .withSecurityContext(PodTemplates.podSecurity(spec))
                .withImagePullSecrets(spec.getImagePullSecrets())
                .withNodeSelector(spec.getNodeSelector())
                .withTolerations(spec.getTolerations())
                .withAffinity(spec.getAffinity())
                .withPriorityClassName(spec.getPriorityClassName())
                // never null: JOSDK's SSA matcher (PodTemplateSpecSanitizer) reads the desired list's size
                .withInitContainers(VolumePermissions.initContainer(spec).map(List::of).orElse(List.of()))
                .withContainers(container)
                .withVolumes(PodTemplates.volumes(server))
                .endSpec()
                .build();
    }

    /** The dfs container: its image, command, ports, environment, probes and drain on shutdown. */
    private static Container container(DittoServer server, PodInputs inputs) {
        DittoServerSpec spec = server.getSpec();
        return new ContainerBuilder()
                .withName(Names.CONTAINER)
                .withImage(spec.getImage())
                .withImagePullPolicy(spec.getImagePullPolicy().name())
                .withCommand(Names.DFS_BINARY)
                .withArgs("start", "--foreground", "--config", Names.CONFIG_DIR + "/" + Names.CONFIG_KEY)
                .withPorts(PodTemplates.ports(spec))
                .withEnv(PodTemplates.env(PodEnvironment.literals(server), inputs.secrets()))
                .withResources(PodTemplates.resources(spec))
                .withVolumeMounts(PodTemplates.mounts(spec))
                .withStartupProbe(PodTemplates.startup(spec))
                .withLivenessProbe(PodTemplates.liveness(spec))
                .withReadinessProbe(PodTemplates.readiness(spec))
                // Let Services stop routing new clients before dfs starts draining.
                .withNewLifecycle().withNewPreStop().withNewSleep((long) PodTemplates.PRE_STOP_SECONDS).endPreStop()
                .endLifecycle()
                .withSecurityContext(PodTemplates.containerSecurity(spec))
                // A dfs that exits before logging to a file leaves its last log lines in the pod's status, where
                // the operator reads why it keeps failing (PodFailures).
                .withTerminationMessagePolicy(TERMINATION_MESSAGE_POLICY)
                .build();
    }

    static List<PersistentVolumeClaim> claims(DittoServer server) {
        StorageSpec storage = server.getSpec().getStorage();
        List<PersistentVolumeClaim> claims = new ArrayList<>();
        claims.add(claim(server, Names.VOLUME_METADATA, storage.getMetadataSize(), storage.getStorageClassName()));
        claims.add(claim(server, Names.VOLUME_CACHE, storage.getCacheSize(), storage.getStorageClassName()));
        if (storage.getContentSize() != null) {
            claims.add(claim(server, Names.VOLUME_CONTENT, storage.getContentSize(), storage.getStorageClassName()));
        }
        return claims;
    }

    private static PersistentVolumeClaim claim(DittoServer server, String name, String size, String storageClass) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(Labels.of(server, server.getSpec().getImage(), Labels.COMPONENT_SERVER))
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(storageClass)
                .withNewResources().addToRequests("storage", new Quantity(size)).endResources()
                .endSpec()
                .build();
    }

    @Override
    public StatefulSet update(StatefulSet actual, StatefulSet desired, DittoServer primary,
            Context<DittoServer> context) {
        if (ClaimTemplates.resized(actual, desired)) {
            return StatefulSetRecreation.startOrWait(actual, primary, context);
        }
        StatefulSet updated = super.update(actual, desired, primary, context);
        String before = actual.getSpec().getTemplate().getMetadata().getAnnotations().get(Labels.POD_INPUTS_HASH);
        String after = desired.getSpec().getTemplate().getMetadata().getAnnotations().get(Labels.POD_INPUTS_HASH);
        if (before != null && !before.equals(after)) {
            EventRecorder.normal(context.getClient(), primary, EventReasons.ROLLING_UPDATE,
                    "Configuration or referenced Secrets changed: rolling the server pod");
        }
        return updated;
    }

    @Override
    void announceCreated(StatefulSet created, DittoServer primary, Context<DittoServer> context) {
        if (!StatefulSetRecreation.underWay(primary)) {
            super.announceCreated(created, primary, context);
            return;
        }
        StatefulSetRecreation.created(primary);
        EventRecorder.normal(context.getClient(), primary, EventReasons.STATEFUL_SET_RECREATED, "A volume size grew:"
                + " re-created StatefulSet " + created.getMetadata().getName() + " with the new claim templates; the"
                + " server pod keeps running");
    }
}
