package com.dittofs.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.dittofs.operator.monitoring.MonitoringArtifacts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class SnapshotMetersTest {

    static final Instant TAKEN = Instant.parse("2026-12-07T04:00:00.500Z");
    static final Instant CREATED = Instant.parse("2026-12-01T00:00:00Z");

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final SnapshotMeters meters = new SnapshotMeters(registry);

    static SnapshotMeters.Share share(String name, boolean snapshot, Duration interval) {
        return new SnapshotMeters.Share(name, snapshot ? Optional.of(TAKEN) : Optional.empty(),
                Optional.ofNullable(interval), Optional.ofNullable(interval).map(i -> CREATED));
    }

    @Test
    void eachShareExportsItsLastSnapshotAndItsPolicy() {
        meters.update("ns", "files", List.of(share("/team", true, Duration.ofHours(6)), share("/new", false,
                Duration.ofMinutes(1)), share("/manual", true, null)));

        assertThat(value(SnapshotMeters.LAST, "files", "/team")).isEqualTo(TAKEN.toEpochMilli() / 1000.0);
        assertThat(value(SnapshotMeters.INTERVAL, "files", "/team")).isEqualTo(21600);
        assertThat(value(SnapshotMeters.CREATED, "files", "/team")).isEqualTo(CREATED.getEpochSecond());
        assertThat(value(SnapshotMeters.INTERVAL, "files", "/new")).isEqualTo(60);
        assertThat(gauge(SnapshotMeters.LAST, "files", "/new")).as("no snapshot yet: no series").isEmpty();
        assertThat(gauge(SnapshotMeters.INTERVAL, "files", "/manual")).as("no enabled policy").isEmpty();
        // the names Prometheus sees, the alert reads them
        String scrape = registry.scrape();
        assertThat(scrape.lines()).anySatisfy(l -> assertThat(l)
                .startsWith("dittofs_share_last_snapshot_timestamp_seconds{").contains("share=\"/team\"")
                .contains("server_namespace=\"ns\"").endsWith(" " + TAKEN.toEpochMilli() / 1000.0));
        assertThat(scrape.lines()).anySatisfy(l -> assertThat(l)
                .startsWith("dittofs_share_snapshot_policy_interval_seconds{").contains("share=\"/new\"")
                .endsWith(" 60.0"));
        assertThat(scrape).contains("dittofs_share_snapshot_policy_created_timestamp_seconds{");
    }

    @Test
    void seriesGoWithTheirShareTheirPolicyAndTheirServer() {
        meters.update("ns", "files", List.of(share("/team", true, Duration.ofHours(6)), share("/gone", true,
                Duration.ofHours(1))));
        meters.update("ns", "other", List.of(share("/team", true, Duration.ofHours(1))));

        meters.update("ns", "files", List.of(share("/team", true, null))); // policy disabled, /gone deleted
        assertThat(gauge(SnapshotMeters.LAST, "files", "/team")).isPresent();
        assertThat(gauge(SnapshotMeters.INTERVAL, "files", "/team")).isEmpty();
        assertThat(gauge(SnapshotMeters.CREATED, "files", "/team")).isEmpty();
        assertThat(gauge(SnapshotMeters.LAST, "files", "/gone")).isEmpty();

        meters.update("ns", "files", List.of(share("/team", true, Duration.ofMinutes(30))));
        assertThat(value(SnapshotMeters.INTERVAL, "files", "/team")).as("back, with the new value").isEqualTo(1800);

        meters.remove("ns", "files");
        assertThat(registry.find(SnapshotMeters.LAST).tag("server", "files").gauges()).isEmpty();
        assertThat(registry.find(SnapshotMeters.INTERVAL).tag("server", "files").gauges()).isEmpty();
        assertThat(value(SnapshotMeters.INTERVAL, "other", "/team")).as("other servers keep theirs").isEqualTo(3600);
        assertThat(registry.scrape()).doesNotContain("server=\"files\"");
    }

    @Test
    void theValueFollowsEachCensus() {
        meters.update("ns", "files", List.of(share("/team", true, Duration.ofHours(6))));
        var later = new SnapshotMeters.Share("/team", Optional.of(TAKEN.plusSeconds(600)),
                Optional.of(Duration.ofHours(6)), Optional.of(CREATED));
        meters.update("ns", "files", List.of(later));
        assertThat(value(SnapshotMeters.LAST, "files", "/team")).isEqualTo(TAKEN.plusSeconds(600).toEpochMilli()
                / 1000.0);
        assertThat(registry.find(SnapshotMeters.LAST).gauges()).hasSize(1);
    }

    @Test
    void theShippedAlertAndDashboardReadExactlyTheseSeries() {
        meters.update("ns", "files", List.of(share("/team", true, Duration.ofHours(6))));
        var read = MonitoringArtifacts.allMetricNames().stream().filter(n -> n.startsWith("dittofs_share_")).toList();
        assertThat(read).containsExactlyInAnyOrder("dittofs_share_last_snapshot_timestamp_seconds",
                "dittofs_share_snapshot_policy_interval_seconds",
                "dittofs_share_snapshot_policy_created_timestamp_seconds");
        assertThat(MonitoringArtifacts.sampleNames(registry.scrape())).containsAll(read);
        assertThat(MonitoringArtifacts.alerts().findValuesAsText("alert")).contains("DittoFSSnapshotOverdue");
    }

    private Optional<Gauge> gauge(String name, String server, String share) {
        return Optional.ofNullable(registry.find(name).tags("server_namespace", "ns", "server", server, "share",
                share).gauge());
    }

    private double value(String name, String server, String share) {
        return gauge(name, server, share).orElseThrow(() -> new AssertionError(name + " " + share)).value();
    }
}
