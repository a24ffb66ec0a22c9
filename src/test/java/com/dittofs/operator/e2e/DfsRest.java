package com.dittofs.operator.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a human with dfsctl would do, as plain HTTP(S): the tests check dfs's state independently of the operator's
 * own client (which needs a running Quarkus application).
 */
final class DfsRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final URI base;
    private final String token;

    DfsRest(URI base, String adminPassword) {
        this(base, adminPassword, null);
    }

    /** Over HTTPS, verifying dfs with {@code tls} (as the operator does); null: plain HTTP. */
    DfsRest(URI base, String adminPassword, com.dittofs.operator.dfsclient.DfsTls tls) {
        this.base = base;
        this.http = tls == null ? HttpClient.newHttpClient() : HttpClient.newBuilder().sslContext(context(tls)).build();
        this.token = send("POST", "/api/v1/auth/login", Map.of("username", "admin", "password", adminPassword), null)
                .path("access_token").asText();
    }

    /** As the admin of a server run by {@link Kubelet}: its API address, admin password and certificate's CA. */
    static DfsRest asAdmin(io.fabric8.kubernetes.client.KubernetesClient admin, String namespace, String server,
            com.dittofs.operator.contract.DfsProcess dfs) {
        var secrets = admin.secrets().inNamespace(namespace);
        String password = decode(secrets.withName(server + "-admin").get().getData().get("password"));
        if (!"https".equals(dfs.apiUri().getScheme())) {
            return new DfsRest(dfs.apiUri(), password);
        }
        var pod = admin.pods().inNamespace(namespace).withName(server + "-0").get();
        String tlsSecret = pod.getSpec().getVolumes().stream().filter(v -> v.getSecret() != null)
                .findFirst().orElseThrow().getSecret().getSecretName();
        String ca = decode(secrets.withName(tlsSecret).get().getData().get("ca.crt"));
        return new DfsRest(dfs.apiUri(), password, new com.dittofs.operator.dfsclient.DfsTls(ca,
                server + "-api." + namespace + ".svc"));
    }

    private static String decode(String base64) {
        return new String(java.util.Base64.getDecoder().decode(base64), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The name check of the operator's own trust manager: dfs is reached on 127.0.0.1, not by its name. */
    private static javax.net.ssl.SSLContext context(com.dittofs.operator.dfsclient.DfsTls tls) {
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {tls.trustManager()}, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> shareNames() {
        List<String> names = new ArrayList<>();
        send("GET", "/api/v1/shares", null, token).forEach(s -> names.add(s.path("name").asText()));
        return names.stream().sorted().toList();
    }

    /** The names of what a list endpoint returns, e.g. /api/v1/store/metadata, in the order dfs lists them. */
    List<String> names(String listPath) {
        List<String> names = new ArrayList<>();
        send("GET", listPath, null, token).forEach(s -> names.add(s.path("name").asText()));
        return names;
    }

    /** Every share and store name dfs holds, so a test can look for duplicates. */
    List<String> allObjectNames() {
        List<String> all = new ArrayList<>(names("/api/v1/shares"));
        for (String list : List.of("/api/v1/store/metadata", "/api/v1/store/block/local",
                "/api/v1/store/block/remote")) {
            names(list).forEach(n -> all.add(list + "/" + n));
        }
        return all;
    }

    JsonNode share(String name) {
        return send("GET", "/api/v1/shares/" + name.replaceFirst("^/", ""), null, token);
    }

    /** A store as dfsctl creates one: the config travels as a string holding JSON. */
    void createMetadataStore(String name, String type, String path) {
        send("POST", "/api/v1/store/metadata", Map.of("name", name, "type", type, "config",
                "{\"path\":\"" + path + "\"}"), token);
    }

    void createLocalBlockStore(String name, String type, String path) {
        send("POST", "/api/v1/store/block/local", Map.of("name", name, "type", type, "config",
                "{\"path\":\"" + path + "\"}"), token);
    }

    /** As dfsctl share create --default-permission. */
    void createShare(String name, String metadataStore, String localStore, String defaultPermission) {
        send("POST", "/api/v1/shares", Map.of("name", name, "metadata_store_id", metadataStore,
                "local_block_store", localStore, "default_permission", defaultPermission), token);
    }

    void createShare(String name, String metadataStore, String localStore) {
        send("POST", "/api/v1/shares", Map.of("name", name, "metadata_store_id", metadataStore,
                "local_block_store", localStore), token);
    }

    /** The snapshot policies dfs holds, by share. */
    Map<String, JsonNode> snapshotPolicies() {
        Map<String, JsonNode> policies = new java.util.TreeMap<>();
        send("GET", "/api/v1/snapshot-policies", null, token).forEach(p -> policies.put(p.path("share").asText(), p));
        return policies;
    }

    void putSnapshotPolicy(String share, Map<String, Object> policy) {
        send("PUT", "/api/v1/shares/" + share.replaceFirst("^/", "") + "/snapshot-policy", policy, token);
    }

    JsonNode snapshots(String share) {
        return send("GET", "/api/v1/shares/" + share.replaceFirst("^/", "") + "/snapshots", null, token);
    }

    /** Asks dfs for a snapshot of the share (202, asynchronous); returns its id. */
    String createSnapshot(String share) {
        return send("POST", "/api/v1/shares/" + share.replaceFirst("^/", "") + "/snapshots", Map.of(), token)
                .path("snapshot_id").asText();
    }

    JsonNode snapshot(String share, String id) {
        return send("GET", "/api/v1/shares/" + share.replaceFirst("^/", "") + "/snapshots/" + id, null, token);
    }

    void setReadOnly(String name, boolean readOnly) {
        send("PUT", "/api/v1/shares/" + name.replaceFirst("^/", ""), Map.of("read_only", readOnly), token);
    }

    List<String> userNames() {
        List<String> names = new ArrayList<>();
        send("GET", "/api/v1/users", null, token).forEach(u -> names.add(u.path("username").asText()));
        return names.stream().sorted().toList();
    }

    List<String> groupNames() {
        return names("/api/v1/groups").stream().sorted().toList();
    }

    void createUser(String name, String password) {
        send("POST", "/api/v1/users", Map.of("username", name, "password", password), token);
    }

    /** An account made by hand with a Unix UID, as {@code dfsctl user create --uid} would. */
    void createUser(String name, String password, long uid) {
        send("POST", "/api/v1/users", Map.of("username", name, "password", password, "uid", uid), token);
    }

    JsonNode user(String name) {
        return send("GET", "/api/v1/users/" + name, null, token);
    }

    void deleteUser(String name) {
        send("DELETE", "/api/v1/users/" + name, null, token);
    }

    void deleteGroup(String name) {
        send("DELETE", "/api/v1/groups/" + name, null, token);
    }

    /** An identity provider's stored config ({@code ldap}, {@code kerberos}), its secret redacted. */
    JsonNode identityProvider(String type) {
        return send("GET", "/api/v1/identity-providers/" + type + "/config", null, token);
    }

    /** dfs's dry run of the LDAP settings it stores: the redacted password makes it bind with the stored one. */
    JsonNode testStoredLdap() {
        return send("POST", "/api/v1/identity-providers/ldap/test", identityProvider("ldap"), token);
    }

    private JsonNode send(String method, String path, Object body, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
