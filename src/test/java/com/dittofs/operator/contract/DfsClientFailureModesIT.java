package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dittofs.operator.dfsclient.DfsApiException;
import com.dittofs.operator.dfsclient.DfsClient;
import com.dittofs.operator.dfsclient.DfsClientFactory;
import com.dittofs.operator.dfsclient.RetryPolicy;
import com.dittofs.operator.dfsclient.TestRequests;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Failure modes a healthy dfs will not produce on demand (gateway errors, a token rejected early), replayed by a
 * loopback stub that answers exactly as dfs does (problem+json from handlers, plain text from middleware/router).
 */
@Tag("contract")
@QuarkusTest
@TestProfile(ClientTestProfile.class)
class DfsClientFailureModesIT {

    private static final String PROBLEM = "application/problem+json";
    private HttpServer stub;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private DfsClientFactory factory;
    private DfsClient client;

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", this::answer);
        stub.start();
        factory = new DfsClientFactory(new DfsClientFactory.Settings(Duration.ofSeconds(1), Duration.ofSeconds(5),
                new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40)), Clock.systemUTC()));
        client = factory.client(URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/"), "password",
                null);
    }

    @AfterEach
    void stop() {
        factory.close();
        stub.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        int n = hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        switch (key) {
            case "POST /api/v1/auth/login" -> {
                logins.incrementAndGet();
                send(exchange, 200, "application/json", "{\"access_token\":\"token-" + logins.get()
                        + "\",\"refresh_token\":\"r\",\"token_type\":\"Bearer\",\"expires_in\":900,\"expires_at\":\""
                        + Instant.now().plusSeconds(900) + "\",\"user\":{\"username\":\"admin\",\"role\":\"admin\"}}");
            }
            case "GET /api/v1/groups" -> {
                if (n <= 2) {
                    send(exchange, 503, "text/plain", "upstream unavailable");
                } else {
                    send(exchange, 200, "application/json", "[]");
                }
            }
            case "POST /api/v1/shares" -> send(exchange, 504, "text/plain", "Gateway Timeout");
            case "GET /api/v1/store/block/remote/hung" -> {
                // a hung dfs: the request is read, the answer never comes (the stub closes it at the end)
            }
            case "GET /api/v1/shares" -> send(exchange, 500, "text/plain; charset=utf-8", "internal error\n");
            case "GET /api/v1/store/metadata/bad" -> send(exchange, 400, PROBLEM,
                    "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Invalid request body\"}");
            case "GET /api/v1/users" -> {
                // the first token is rejected the way dfs's auth middleware does it: plain text
                if ("Bearer token-1".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    send(exchange, 401, "text/plain; charset=utf-8", "Invalid or expired token\n");
                } else {
                    send(exchange, 200, "application/json", "[]");
                }
            }
            default -> send(exchange, 404, "text/plain; charset=utf-8", "404 page not found\n");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void unavailableIsRetriedForReads() {
        assertThat(client.groups()).isEmpty();
        assertThat(hits.get("GET /api/v1/groups")).hasValue(3);
        assertThat(logins).as("one login for all attempts").hasValue(1);
    }

    @Test
    void gatewayErrorsAreNotRetriedForCreates() {
        DfsApiException timeout = catchThrowableOfType(DfsApiException.class,
                () -> client.createShare(TestRequests.share("/x", "m", "l")));
        assertThat(timeout.status()).isEqualTo(504);
        assertThat(timeout.unavailable()).isTrue();
        assertThat(hits.get("POST /api/v1/shares")).as("a create may have completed: not repeated").hasValue(1);
    }

    @Test
    void aHungCallTimesOutOnceWithinTheReadTimeout() {
        long start = System.nanoTime();
        DfsApiException hung = catchThrowableOfType(DfsApiException.class,
                () -> client.findBlockStore(com.dittofs.operator.dfsclient.BlockStoreKind.REMOTE, "hung"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(hung.kind()).as(hung.toString()).isEqualTo(DfsApiException.Kind.TIMED_OUT);
        assertThat(hung.connectFailure()).isFalse();
        assertThat(hits.get("GET /api/v1/store/block/remote/hung")).as("a timeout is not retried").hasValue(1);
        assertThat(took).as("one read timeout (5 s), not one per attempt").isLessThan(Duration.ofSeconds(9));
    }

    @Test
    void internalServerErrorsAreTypedAndNotRetried() {
        DfsApiException error = catchThrowableOfType(DfsApiException.class, () -> client.shares());
        assertThat(error.kind()).isEqualTo(DfsApiException.Kind.HTTP_STATUS);
        assertThat(error.status()).isEqualTo(500);
        assertThat(hits.get("GET /api/v1/shares")).hasValue(1);
    }

    @Test
    void clientErrorsAreNeverRetried() {
        DfsApiException bad = catchThrowableOfType(DfsApiException.class, () -> client.findMetadataStore("bad"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad).hasMessage("HTTP 400 Bad Request: Invalid request body");
        assertThat(bad.problem()).isTrue();
        assertThat(hits.get("GET /api/v1/store/metadata/bad")).hasValue(1);
    }

    @Test
    void routerNotFoundIsAnErrorNotAMissingObject() {
        DfsApiException route = catchThrowableOfType(DfsApiException.class, () -> client.findMetadataStore("x"));
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.problem()).isFalse();
        assertThat(route).hasMessageEndingWith(": 404 page not found");
    }

    @Test
    void rejectedTokenLeadsToOneNewLogin() {
        assertThat(client.users()).isEmpty();
        assertThat(logins).hasValue(2);
        assertThat(hits.get("GET /api/v1/users")).hasValue(2);
    }
}
