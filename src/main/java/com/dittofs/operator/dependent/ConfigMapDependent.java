package com.dittofs.operator.dependent;

import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.cache.LeanItemStore;
import com.dittofs.operator.dfsconfig.DfsConfigRenderer;
import com.dittofs.operator.naming.Labels;
import com.dittofs.operator.naming.Names;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** {@code <name>-config}: the dfs config file, rendered from the spec. Holds no secret value. */
@KubernetesDependent(informer = @Informer(itemStore = LeanItemStore.class,
        labelSelector = Labels.MANAGED_SELECTOR + "," + Labels.COMPONENT + "=" + Labels.COMPONENT_CONFIG))
public class ConfigMapDependent extends DittoDependent<ConfigMap> {

    public ConfigMapDependent() {
        super(ConfigMap.class, Labels.COMPONENT_CONFIG, Names::config);
    }

    @Override
    protected ConfigMap desired(DittoServer server, Context<DittoServer> context) {
        return new ConfigMapBuilder()
                .withMetadata(metadata(server, Names.config(server)).build())
                .withData(Map.of(Names.CONFIG_KEY, DfsConfigRenderer.render(server.getSpec())))
                .build();
    }
}
