package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.api.v1alpha1.DittoServerSpec;
import com.dittofs.operator.naming.Names;
import com.dittofs.operator.naming.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;

/** What every operator-configured dfs must do, checked against the running server. */
final class ServerContract {

    static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(15);
    private static final String BANNER = "DittoFS - A modular virtual filesystem";

    /**
     * @param nfs whether NFS must accept connections on its container port (false: must not)
     * @param smb the same for SMB
     * @param format log format the spec asks for (json or text)
     * @param level log level the spec asks for
     */
    record Expect(boolean nfs, boolean smb, String format, String level) {

        /** A freshly started server: dfs seeds both adapters enabled; only REST calls change that. */
        static Expect freshServer(DittoServerSpec spec) {
            return new Expect(true, true, spec.getLogging().getFormat().name().toLowerCase(java.util.Locale.ROOT),
                    spec.getLogging().getLevel().name());
        }

        Expect withAdapters(boolean nfsListens, boolean smbListens) {
            return new Expect(nfsListens, smbListens, format, level);
        }
    }

    private ServerContract() {
    }

    /** Runs every check; a failure carries the dfs logs. */
    static void verify(DfsProcess dfs, OperatorInputs inputs, Expect expect) {
        try {
            probes(dfs);
            String userId = login(dfs, inputs.adminPassword());
            jwtSecretIsUsed(dfs, inputs.jwtSecret(), userId);
            fileProtocols(dfs, inputs.adminPassword(), expect);
            metrics(dfs);
            cleanConfig(dfs);
            logging(dfs, expect);
        } catch (AssertionError | ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + dfs.config() + "\n" + dfs.logs(), e);
        }
    }

    static void probes(DfsProcess dfs) {
        for (String path : List.of(Ports.HEALTH_PATH, Ports.READY_PATH)) {
            Http.Response response = Http.get(dfs.apiUri().resolve(path));
            assertThat(response.status()).as("GET " + path + ": " + response.body()).isEqualTo(200);
            assertThat(response.json().path("status").asText()).as("status of " + path).isEqualTo("healthy");
        }
    }

    /** Logs in as admin with the password from the operator's Secret; returns the admin user id. */
    static String login(DfsProcess dfs, String password) {
        JsonNode answer = loginResponse(dfs, password);
        assertThat(answer.path("user").path("must_change_password").asBoolean(true))
                .as("admin must not be forced to change the password the operator set").isFalse();
        assertThat(answer.path("user").path("role").asText()).isEqualTo("admin");
        return answer.path("user").path("id").asText();
    }

    static JsonNode loginResponse(DfsProcess dfs, String password) {
        Http.Response response = Http.send("POST", dfs.apiUri().resolve("api/v1/auth/login"), null,
                Map.of("username", Names.ADMIN_USERNAME, "password", password));
        assertThat(response.status()).as("login as admin with the Secret's password: " + response.body())
                .isEqualTo(200);
        return response.json();
    }

    static String token(DfsProcess dfs, String password) {
        return loginResponse(dfs, password).path("access_token").asText();
    }

    /** A token signed with the Secret's value is accepted, one signed with anything else is not. */
    static void jwtSecretIsUsed(DfsProcess dfs, String jwtSecret, String userId) {
        URI adapters = dfs.apiUri().resolve("api/v1/adapters");
        Http.Response own = Http.get(adapters, Jwts.adminAccessToken(jwtSecret, userId));
        assertThat(own.status()).as("token signed with the operator's JWT secret: " + own.body()).isEqualTo(200);
        Http.Response foreign = Http.get(adapters, Jwts.adminAccessToken("x".repeat(48), userId));
        assertThat(foreign.status()).as("token signed with another secret").isEqualTo(401);
        assertThat(foreign.body()).contains("Invalid or expired token");
    }

    /** NFS and SMB on the container ports the -file Service targets, as listeners and as dfs reports them. */
    static void fileProtocols(DfsProcess dfs, String password, Expect expect) {
        awaitListening(Ports.NFS_CONTAINER, expect.nfs());
        awaitListening(Ports.SMB_CONTAINER, expect.smb());
        Http.Response response = Http.get(dfs.apiUri().resolve("api/v1/adapters"), token(dfs, password));
        assertThat(response.status()).isEqualTo(200);
        JsonNode adapters = response.json();
        assertThat(adapter(adapters, "nfs").path("port").asInt()).isEqualTo(Ports.NFS_CONTAINER);
        assertThat(adapter(adapters, "smb").path("port").asInt()).isEqualTo(Ports.SMB_CONTAINER);
        assertThat(adapter(adapters, "nfs").path("running").asBoolean()).isEqualTo(expect.nfs());
        assertThat(adapter(adapters, "smb").path("running").asBoolean()).isEqualTo(expect.smb());
    }

    static void awaitListening(int port, boolean listening) {
        await("port " + port + (listening ? " accepting connections" : " closed")).atMost(LISTEN_TIMEOUT)
                .pollInterval(Duration.ofMillis(100)).until(() -> DfsProcess.listening(port) == listening);
    }

    static JsonNode adapter(JsonNode adapters, String type) {
        for (JsonNode adapter : adapters) {
            if (type.equals(adapter.path("type").asText())) {
                return adapter;
            }
        }
        throw new AssertionError("no " + type + " adapter in " + adapters);
    }

    static void metrics(DfsProcess dfs) {
        if (dfs.metricsPort() == null) {
            assertThat(dfs.stdout()).as("metrics are disabled").doesNotContain("metrics server listening");
            return;
        }
        Http.Response response = Http.get(URI.create("http://127.0.0.1:" + dfs.metricsPort() + Ports.METRICS_PATH));
        assertThat(response.status()).as("GET " + Ports.METRICS_PATH + " on the metrics port").isEqualTo(200);
        assertThat(response.body()).contains("dittofs_build_info").containsPattern("(?m)^dittofs_\\w+");
    }

    /** dfs reads every rendered key: an unknown one would mean a setting silently does nothing. */
    static void cleanConfig(DfsProcess dfs) {
        assertThat(dfs.stderr()).doesNotContain(DfsProcess.UNKNOWN_KEYS_WARNING).doesNotContain("Error:");
    }

    static void logging(DfsProcess dfs, Expect expect) {
        List<String> lines = Arrays.stream(dfs.stdout().split("\n")).filter(l -> !l.isBlank())
                .filter(l -> !l.equals(BANNER)).toList();
        assertThat(lines).as("log lines on stdout").isNotEmpty();
        if ("json".equals(expect.format())) {
            assertThat(lines).as("json log lines").allMatch(l -> l.startsWith("{\"time\":"));
            assertThat(lines.stream().anyMatch(l -> l.contains("\"level\":\"DEBUG\"")))
                    .as("DEBUG lines").isEqualTo("DEBUG".equals(expect.level()));
        } else {
            assertThat(lines).as("text log lines").allMatch(l -> !l.startsWith("{"));
            assertThat(lines.stream().anyMatch(l -> l.contains("] [INFO] "))).as("[INFO] lines").isTrue();
            assertThat(lines.stream().anyMatch(l -> l.contains("] [DEBUG] ")))
                    .as("[DEBUG] lines").isEqualTo("DEBUG".equals(expect.level()));
        }
    }
}
