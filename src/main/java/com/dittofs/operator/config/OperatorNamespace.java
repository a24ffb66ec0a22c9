package com.dittofs.operator.config;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The namespace the operator runs in: dittofs.operator.namespace when set (outside a cluster, where nothing else
 * says it), else the client's namespace (in a pod, that of its ServiceAccount).
 */
public final class OperatorNamespace {

    static final String PROPERTY = "dittofs.operator.namespace";

    private OperatorNamespace() {
    }

    public static String of(KubernetesClient client) {
        return ConfigProvider.getConfig().getOptionalValue(PROPERTY, String.class)
                .filter(ns -> !ns.isBlank())
                .orElseGet(client::getNamespace);
    }
}
