package com.dittofs.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.api.v1alpha1.DittoServerStatus;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The mock tier's server-side apply of the status, as {@link StatusWrites#write} sends it. */
@Tag("mock")
class ApplyingCrudDispatcherTest {

    private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
            new HashMap<>(), new ApplyingCrudDispatcher(List.of(new CustomResourceDefinitionContext.Builder()
                    .withGroup("dittofs.dittofs.com").withVersion("v1alpha1").withKind("DittoServer")
                    .withPlural("dittoservers").withScope("Namespaced").withStatusSubresource(true).build())),
            false);
    private final KubernetesClient client;

    ApplyingCrudDispatcherTest() {
        server.init();
        client = server.createClient();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void anAppliedStatusReplacesTheStoredOne() {
        DittoServer created = client.resource(Fixtures.basic()).inNamespace("files").create();
        DittoServerStatus first = new DittoServerStatus();
        first.setConfigHash("abc");
        first.setDfsVersion("0.29.0");
        apply(created, first);
        assertThat(client.resource(created).get().getStatus().getDfsVersion()).isEqualTo("0.29.0");

        DittoServerStatus second = new DittoServerStatus();
        second.setConfigHash("def");
        DittoServer written = apply(created, second);
        assertThat(written.getStatus().getConfigHash()).isEqualTo("def");
        DittoServer stored = client.resource(created).get();
        assertThat(stored.getStatus().getConfigHash()).isEqualTo("def");
        assertThat(stored.getStatus().getDfsVersion()).as("no longer applied: removed").isNull();
        assertThat(stored.getSpec().getImage()).isEqualTo(created.getSpec().getImage());
    }

    /** A list is replaced, as the apiserver does for the fields a sole manager applies (a merge here appended). */
    @Test
    void anAppliedConditionListReplacesTheStoredOne() {
        DittoServer created = client.resource(Fixtures.basic()).inNamespace("files").create();
        DittoServerStatus first = new DittoServerStatus();
        first.setConditions(new java.util.ArrayList<>(List.of(condition("PodNotReady"))));
        apply(created, first);
        DittoServerStatus second = new DittoServerStatus();
        second.setConditions(new java.util.ArrayList<>(List.of(condition("ServerReady"))));
        apply(created, second);
        assertThat(client.resource(created).get().getStatus().getConditions())
                .extracting(io.fabric8.kubernetes.api.model.Condition::getReason).containsExactly("ServerReady");
    }

    private static io.fabric8.kubernetes.api.model.Condition condition(String reason) {
        return new io.fabric8.kubernetes.api.model.ConditionBuilder().withType("Ready").withStatus("False")
                .withReason(reason).withMessage(reason).withLastTransitionTime("2026-01-01T00:00:00Z").build();
    }

    private DittoServer apply(DittoServer server, DittoServerStatus status) {
        return client.resource(StatusWrites.patch(server, status)).subresource("status").patch(new PatchContext.Builder()
                .withForce(true).withFieldManager("dittoserver").withPatchType(PatchType.SERVER_SIDE_APPLY).build());
    }
}
