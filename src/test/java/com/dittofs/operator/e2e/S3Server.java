package com.dittofs.operator.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * A real S3-compatible server on loopback: moto's standalone server from PyPI, installed once into a cached
 * virtualenv (~/.cache/dittofs-operator/moto-5.2.5). Unsigned requests are accepted, so the tests inspect buckets
 * with plain HTTP.
 */
final class S3Server implements AutoCloseable {

    static final String MOTO_VERSION = "5.2.5";
    private static final Path VENV = Path.of(System.getProperty("user.home"), ".cache", "dittofs-operator",
            "moto-" + MOTO_VERSION);

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private S3Server(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static S3Server start() throws IOException {
        Path server = VENV.resolve("bin").resolve("moto_server");
        if (!Files.isExecutable(server)) {
            run(List.of("python3", "-m", "venv", VENV.toString()));
            run(List.of(VENV.resolve("bin").resolve("pip").toString(), "install", "-q", "moto[server]==" + MOTO_VERSION));
        }
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("moto", ".log");
        Process process = new ProcessBuilder(server.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3Server s3 = new S3Server(process, port);
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> s3.get("/").statusCode() == 200);
        return s3;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    void createBucket(String bucket) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/" + bucket)).PUT(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The keys in a bucket (S3 ListObjectsV2, unsigned). */
    String listing(String bucket) throws Exception {
        return get("/" + bucket + "?list-type=2").body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(endpoint() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.destroy();
    }

    private static void run(List<String> command) throws IOException {
        var result = ControlPlane.exec(command, 600);
        if (result.exitCode() != 0) {
            throw new IOException(command + " failed: " + result.output());
        }
    }
}
