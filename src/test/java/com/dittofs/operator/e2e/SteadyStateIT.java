package com.dittofs.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.fixtures.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A reconcile that finds nothing to do writes nothing: counted in the apiserver's audit log, by the operator's
 * identity, while the operator's own metrics prove that reconciles did run.
 */
@QuarkusIntegrationTest
class SteadyStateIT extends E2E {

    @Test
    void reconcilingAnUnchangedServerSendsNoWriteRequest() throws Exception {
        DittoServer server = Fixtures.s3();
        server.getMetadata().setName("steady");
        admin.resource(Fixtures.sampleObjects("dittofs_v1alpha1_dittoserver_s3.yaml").get(0)).inNamespace(namespace)
                .create();
        create(server);
        awaitReady("steady");
        awaitCondition("steady", "Progressing", "False");

        for (int round = 0; round < 3; round++) {
            double reconciles = reconciles("steady");
            Instant mark = Instant.now();
            // Something the operator watches changes, but nothing it owns: a foreign annotation on its ConfigMap.
            admin.configMaps().inNamespace(namespace).withName("steady-config").edit(cm -> {
                cm.getMetadata().getAnnotations().put("example.com/touched", UUID.randomUUID().toString());
                return cm;
            });
            await().atMost(TIMEOUT).until(() -> reconciles("steady") > reconciles);
            assertThat(AuditLog.operatorWritesSince(namespace, mark)).as("writes during round " + round).isEmpty();
        }
    }

    /** How many reconciles of a server the operator has run, from its Prometheus endpoint. */
    static double reconciles(String name) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(operatorMetrics.toURI()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("operator_sdk_controllers_execution_reconcile_seconds_count\\{[^}]*resource_name=\""
                + Pattern.quote(name) + "\"[^}]*resource_namespace=\"" + Pattern.quote(namespace) + "\"[^}]*} ([0-9.E]+)")
                .matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
