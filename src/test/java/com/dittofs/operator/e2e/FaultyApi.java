package com.dittofs.operator.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The REST API of a simulated pod, on the pod's IP and API port, in front of a real dfs: forwards every request, or
 * injects a fault. The operator cannot tell it from dfs.
 */
final class FaultyApi implements AutoCloseable {

    enum Mode {
        /** Passes requests to dfs and its answers back. */
        FORWARD,
        /** Answers 500 to everything, as a dfs with a broken store would. */
        ERROR_500,
        /** Accepts the connection and reads the request, never answers. */
        HANG
    }

    private static final List<String> FORWARDED_HEADERS = List.of("Authorization", "Content-Type", "Accept");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI upstream;
    private final Set<HttpExchange> hanging = ConcurrentHashMap.newKeySet();
    private volatile Mode mode;

    private FaultyApi(InetSocketAddress address, URI upstream, Mode mode) throws IOException {
        this.upstream = upstream;
        this.mode = mode;
        server = HttpServer.create(address, 50);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static FaultyApi start(String ip, int port, URI upstream, Mode mode) {
        try {
            return new FaultyApi(new InetSocketAddress(ip, port), upstream, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + ip + ":" + port, e);
        }
    }

    /** A port nothing listens on, on any address. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Switches the fault; requests left hanging are dropped (the connection closes unanswered). */
    void mode(Mode next) {
        mode = next;
        if (next != Mode.HANG) {
            hanging.forEach(HttpExchange::close);
            hanging.clear();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        switch (mode) {
            case HANG -> hanging.add(exchange); // returns without an answer: the connection stays open, silent
            case ERROR_500 -> answer(exchange, 500, "text/plain; charset=utf-8", "injected fault\n");
            case FORWARD -> forward(exchange);
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes()));
            for (String header : FORWARDED_HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer(exchange, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/octet-stream"),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (IOException e) {
            answer(exchange, 502, "text/plain; charset=utf-8", "dfs unreachable: " + e.getMessage());
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        answer(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        mode(Mode.FORWARD);
        server.stop(0);
        threads.shutdownNow();
    }
}
