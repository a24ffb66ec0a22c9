package com.dittofs.operator.dfsclient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Reads the version a running dfs reports, from its metrics endpoint (plain HTTP without authentication, as the
 * operator renders it). Never fails: a server whose metrics cannot be read has an unknown version, nothing more.
 */
@ApplicationScoped
public class DfsVersionReader {

    private static final Logger LOG = Logger.getLogger(DfsVersionReader.class);
    /** As short as the REST client's: a sync lane's thread waits for it. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * @param metrics the full URL of the metrics endpoint, e.g. {@code http://10.0.0.7:9090/metrics}
     * @param bearerToken the token dfs's metrics endpoint asks for (metrics.auth token), or null
     */
    public Optional<DfsBuildInfo> read(URI metrics, String bearerToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(metrics).timeout(READ_TIMEOUT)
                .header("Accept", "text/plain");
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken.strip());
        }
        HttpRequest request = builder.GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.debugf("dfs metrics at %s answered %d: version unknown", metrics, response.statusCode());
                return Optional.empty();
            }
            Optional<DfsBuildInfo> info = DfsBuildInfo.parse(response.body());
            if (info.isEmpty()) {
                LOG.debugf("dfs metrics at %s have no %s: version unknown", metrics, DfsBuildInfo.METRIC);
            }
            return info;
        } catch (IOException e) {
            LOG.debugf("dfs metrics at %s not readable (%s): version unknown", metrics, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
