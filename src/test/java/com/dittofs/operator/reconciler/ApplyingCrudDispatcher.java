package com.dittofs.operator.reconciler;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * fabric8's CRUD mock server, taught the server-side apply the operator writes the status with (the mock answers an
 * apply with 415). The operator is the only manager of the status and applies all of it each time, so the apiserver
 * leaves exactly the applied status; here the apply becomes a JSON patch (RFC 6902) that sets {@code /status} to it.
 * Not a merge patch: the mock merges arrays by appending (Jackson's updating reader, not RFC 7386), so conditions
 * would pile up. An apply of anything but the status is refused, so a new use cannot pass here unemulated.
 */
final class ApplyingCrudDispatcher extends KubernetesCrudDispatcher {

    private static final String APPLY = "application/apply-patch+yaml";
    private static final String JSON_PATCH = "application/json-patch+json";
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    ApplyingCrudDispatcher(List<CustomResourceDefinitionContext> crds) {
        super(crds);
    }

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        String type = request.getHeader("Content-Type");
        if (type == null || !type.startsWith(APPLY)) {
            return super.handlePatch(request);
        }
        String path = request.getPath().contains("?")
                ? request.getPath().substring(0, request.getPath().indexOf('?')) : request.getPath();
        if (!path.endsWith("/status") || !request.getPath().contains("fieldManager=")) {
            return new MockResponse().setResponseCode(415).setBody("only an apply of the status is emulated");
        }
        try {
            JsonNode applied = YAML.readTree(request.getUtf8Body());
            MockResponse stored = handleGet(path.substring(0, path.lastIndexOf("/status")));
            if (stored.code() != 200) {
                return stored;
            }
            String uid = applied.path("metadata").path("uid").asText("");
            if (!uid.isEmpty() && !uid.equals(JSON.readTree(stored.getBody().readUtf8()).path("metadata")
                    .path("uid").asText())) {
                return new MockResponse().setResponseCode(409).setBody("uid precondition failed");
            }
            ArrayNode patch = JSON.createArrayNode();
            patch.addObject().put("op", "add").put("path", "/status").set("value", applied.path("status"));
            var headers = request.getHeaders().newBuilder().removeAll("Content-Type").removeAll("content-type")
                    .add("Content-Type", JSON_PATCH).build();
            return super.handlePatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.PATCH, path, headers,
                    new Buffer().writeUtf8(JSON.writeValueAsString(patch))));
        } catch (IOException e) {
            return new MockResponse().setResponseCode(400).setBody(e.getMessage());
        }
    }
}
