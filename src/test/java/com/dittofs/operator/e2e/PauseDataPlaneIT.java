package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.ShareSpec;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The pause annotation also stops the data plane, against the real dfs: a share declared while paused is not
 * created and drift made by hand is not corrected; removing the annotation does both.
 */
@QuarkusIntegrationTest
@TestProfile(RealDfs.class)
class PauseDataPlaneIT extends E2E {

    /** Far longer than the operator takes to create a share when it is not paused (well under a second). */
    private static final Duration HOLDS_FOR = Duration.ofSeconds(10);

    @Test
    void nothingReachesDfsWhilePausedAndResumingConverges() {
        DittoServer server = applySample("dittofs_v1alpha1_dittoserver.yaml");
        String name = server.getMetadata().getName();
        runDfs(name);
        awaitReady(name);
        DfsRest client = DfsRest.asAdmin(admin, namespace, name, dfs);
        assertThat(client.shareNames()).containsExactly("/export");

        edit(name, s -> s.getMetadata().setAnnotations(Map.of("dittofs.dittofs.com/reconcile", "paused")));
        awaitCondition(name, "Paused", "True");
        client.setReadOnly("/export", true); // drift by hand
        edit(name, s -> {
            ShareSpec extra = new ShareSpec();
            extra.setName("/paused");
            s.getSpec().setShares(new ArrayList<>(List.of(s.getSpec().getShares().get(0), extra)));
        });
        long edited = get(name).getMetadata().getGeneration();
        await().atMost(TIMEOUT).until(() -> condition(name, "Paused")
                .map(c -> c.getObservedGeneration() == edited).orElse(false));
        // held for a while after the operator has seen the edit: no share created, the drift left alone
        await().during(HOLDS_FOR).atMost(HOLDS_FOR.plus(TIMEOUT)).until(() -> client.shareNames().equals(
                List.of("/export")) && client.share("/export").path("read_only").asBoolean());

        edit(name, s -> s.getMetadata().getAnnotations().remove("dittofs.dittofs.com/reconcile"));

        await().atMost(TIMEOUT).until(() -> client.shareNames().contains("/paused"));
        await().atMost(TIMEOUT).until(() -> !client.share("/export").path("read_only").asBoolean());
        await().atMost(TIMEOUT).until(() -> condition(name, "DataPlaneReady")
                .map(c -> "Converged".equals(c.getReason())).orElse(false)
                && get(name).getStatus().getManagedShares() != null
                && get(name).getStatus().getManagedShares().contains("/paused"));
        awaitReady(name);
    }
}
