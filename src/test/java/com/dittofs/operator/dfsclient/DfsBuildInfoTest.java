package com.dittofs.operator.dfsclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DfsBuildInfoTest {

    /** Captured from dfs v0.29.0 built from its Go module by hack/tools.sh (no release ldflags), metrics enabled. */
    private static String capturedModuleBuild() throws IOException {
        try (InputStream in = DfsBuildInfoTest.class.getResourceAsStream("/dfs/metrics-v0.29.0-module-build.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aModuleBuildOfDfsReportsDev() throws IOException {
        assertThat(DfsBuildInfo.parse(capturedModuleBuild())).contains(new DfsBuildInfo("dev", "none"));
    }

    @Test
    void aReleaseReportsItsVersionWhateverTheLabelOrder() {
        String exposition = """
                # HELP dittofs_build_info Build information for the running DittoFS server (always 1).
                # TYPE dittofs_build_info gauge
                dittofs_build_info{version="0.29.1",commit="5c30c801"} 1
                go_goroutines 42
                """;
        assertThat(DfsBuildInfo.parse(exposition)).contains(new DfsBuildInfo("0.29.1", "5c30c801"));
    }

    @Test
    void escapedLabelValuesAndOpenMetricsTimestamps() {
        String exposition = "dittofs_build_info{commit=\"a\\\"b,c}\",version=\"v1\\\\x\\n\"} 1 1700000000\n";
        assertThat(DfsBuildInfo.parse(exposition)).contains(new DfsBuildInfo("v1\\x\n", "a\"b,c}"));
    }

    @Test
    void noUsableBuildInfoIsUnknown() {
        assertThat(DfsBuildInfo.parse("")).isEmpty();
        assertThat(DfsBuildInfo.parse("# HELP dittofs_build_info x\ngo_goroutines 3\n")).isEmpty();
        assertThat(DfsBuildInfo.parse("dittofs_build_info_total{version=\"1\"} 1\n")).as("another metric").isEmpty();
        assertThat(DfsBuildInfo.parse("dittofs_build_info{commit=\"x\"} 1\n")).as("no version label").isEmpty();
        assertThat(DfsBuildInfo.parse("dittofs_build_info{version=\"\"} 1\n")).as("empty version").isEmpty();
        assertThat(DfsBuildInfo.parse("dittofs_build_info{version=\"1.0} 1\n")).as("unterminated").isEmpty();
        assertThat(DfsBuildInfo.parse("dittofs_build_info{version 1\n")).as("malformed").isEmpty();
    }

    @Test
    void theFirstWellFormedSeriesWins() {
        String exposition = "dittofs_build_info{version=\"broken} 1\ndittofs_build_info{version=\"0.30.0\"} 1\n";
        assertThat(DfsBuildInfo.parse(exposition)).contains(new DfsBuildInfo("0.30.0", null));
    }
}
