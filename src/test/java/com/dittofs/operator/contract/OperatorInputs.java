package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dfsconfig.DfsConfigRenderer;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.dfsconfig.SecretResolution;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * What the operator hands the dfs container for a DittoServer: the rendered config.yaml, and the environment its
 * StatefulSet wires (literals plus one variable per resolved Secret key), with the Secret values as the kubelet
 * would inject them.
 */
record OperatorInputs(DittoServer server, String config, Map<String, String> env) {

    static OperatorInputs of(DittoServer server, Map<String, Secret> secrets) {
        if (server.getSpec().getControlPlane().getTls() == null) {
            // The contract tests speak plain HTTP to dfs: HTTPS (the default) has its own, DfsClientTlsIT, and the
            // end-to-end tier runs the samples with it.
            var plain = new com.dittofs.operator.api.v1alpha1.ControlPlaneTlsSpec();
            plain.setMode(com.dittofs.operator.api.v1alpha1.TlsMode.DISABLED);
            server.getSpec().getControlPlane().setTls(plain);
        }
        SecretResolution resolution = SecretResolution.resolve(PodEnvironment.secretBindings(server),
                Fixtures.lookup(secrets));
        assertThat(resolution.problems()).as("Secret references of the test server").isEmpty();
        Map<String, String> env = new LinkedHashMap<>(PodEnvironment.literals(server));
        for (SecretResolution.Resolved r : resolution.resolved()) {
            if (r.binding().mounted()) {
                continue; // a file of a Secret volume, not a variable
            }
            env.put(r.binding().env(), new String(Base64.getDecoder().decode(r.value()), StandardCharsets.UTF_8));
        }
        return new OperatorInputs(server, DfsConfigRenderer.render(server.getSpec()), env);
    }

    /** A sample with its own Secrets and the generated ones. */
    static OperatorInputs ofSample(String file) {
        DittoServer server = Fixtures.sample(file);
        return of(server, sampleSecrets(file, server));
    }

    /** The generated Secrets plus the sample's own (stringData turned into data, as the apiserver does). */
    static Map<String, Secret> sampleSecrets(String file, DittoServer server) {
        Map<String, Secret> secrets = new HashMap<>(Fixtures.generatedSecrets(server));
        List<HasMetadata> objects = Fixtures.sampleObjects(file);
        objects.stream().filter(Secret.class::isInstance).map(Secret.class::cast).forEach(s -> {
            Map<String, String> plain = new HashMap<>();
            if (s.getStringData() != null) {
                plain.putAll(s.getStringData());
            }
            if (s.getData() != null) {
                s.getData().forEach((k, v) -> plain.put(k,
                        new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
            }
            secrets.put(s.getMetadata().getName(), Fixtures.secret(s.getMetadata().getName(), plain));
        });
        return secrets;
    }

    String adminPassword() {
        return env.get(PodEnvironment.ADMIN_PASSWORD_ENV);
    }

    String jwtSecret() {
        return env.get(PodEnvironment.JWT_SECRET_ENV);
    }

    /** The container environment plus test adaptations (later entries win). */
    Map<String, String> envWith(Map<String, String> adaptations) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(adaptations);
        return all;
    }

    /** Starts dfs with exactly these inputs plus the given adaptations. */
    DfsProcess start(String name, Map<String, String> adaptations) {
        return DfsProcess.start(name, config, envWith(adaptations));
    }
}
