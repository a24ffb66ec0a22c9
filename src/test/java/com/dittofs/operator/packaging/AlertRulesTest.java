package com.dittofs.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.dittofs.operator.monitoring.MonitoringArtifacts;
import com.dittofs.operator.testing.Proc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promtool test rules: the shipped alert rules (the chart's dittofs-alerts.yaml, the same groups as
 * docs/monitoring/prometheusrule.yaml) fire on made-up series when docs/MONITORING.md says they do, and not
 * otherwise. DittoFSSnapshotOverdue: src/test/resources/monitoring/snapshot-overdue.test.yaml.
 */
class AlertRulesTest {

    static final Path SNAPSHOT_OVERDUE = Path.of("src/test/resources/monitoring/snapshot-overdue.test.yaml");
    static final String THRESHOLD = "> 2 * dittofs_share_snapshot_policy_interval_seconds";

    @Test
    void snapshotOverdueFiresForAPolicyBehindItsScheduleOnly(@TempDir Path tmp) throws IOException {
        Proc.Result r = promtoolTest(tmp, Files.readString(Build.BASE.resolve(MonitoringArtifacts.CHART_ALERTS)));
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.out()).contains("SUCCESS");
    }

    @Test
    void theTestCatchesAnotherThreshold(@TempDir Path tmp) throws IOException {
        String alerts = Files.readString(Build.BASE.resolve(MonitoringArtifacts.CHART_ALERTS));
        assertThat(alerts).contains(THRESHOLD);
        Proc.Result r = promtoolTest(tmp, alerts.replace(THRESHOLD,
                "> 3 * dittofs_share_snapshot_policy_interval_seconds"));
        assertThat(r.ok()).as("three intervals instead of two must fail the rule test: %s", r.describe()).isFalse();
        assertThat(r.output()).contains("DittoFSSnapshotOverdue");
    }

    /** Runs the rule test on a copy of the alert rules, in a directory of its own (rule_files are relative). */
    private static Proc.Result promtoolTest(Path dir, String alerts) throws IOException {
        Path promtool = Tools.ensure("promtool");
        Files.writeString(dir.resolve("dittofs-alerts.yaml"), alerts);
        Files.copy(Build.BASE.resolve(SNAPSHOT_OVERDUE), dir.resolve(SNAPSHOT_OVERDUE.getFileName()));
        return Proc.run(List.of(promtool.toString(), "test", "rules", SNAPSHOT_OVERDUE.getFileName().toString()), dir,
                Map.of(), null, Duration.ofMinutes(2));
    }
}
