package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.dittofs.operator.dfsconfig.DfsConfigRenderer;
import com.dittofs.operator.fixtures.Fixtures;

/** The only change the contract tests make to the rendered config: pod mount points moved under a run directory. */
class RelocateTest {

    @Test
    void onlyMountedPathsMove() {
        String rendered = DfsConfigRenderer.render(Fixtures.basic().getSpec());
        String relocated = DfsProcess.relocate(rendered, Path.of("/run/x"));

        String[] before = rendered.split("\n", -1);
        String[] after = relocated.split("\n", -1);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.length; i++) {
            if (!before[i].equals(after[i])) {
                assertThat(after[i]).isEqualTo(before[i].replace(": /data/", ": /run/x/data/")
                        .replace(": /tls/", ": /run/x/tls/"));
            }
        }
        assertThat(relocated).contains("    path: /run/x/data/metadata/controlplane.db").doesNotContain(": /data");
    }

    @Test
    void urlPathsAndOtherValuesStay() {
        String yaml = "metrics:\n  path: /metrics\nx:\n  dir: /config/config.yaml\n  tmp: /tmp\n  other: /datax\n";
        assertThat(DfsProcess.relocate(yaml, Path.of("/r")))
                .isEqualTo("metrics:\n  path: /metrics\nx:\n  dir: /r/config/config.yaml\n  tmp: /r/tmp\n  other: /datax\n");
    }

    /** The client CA, the metrics token and a log file are mounted files of the pod too. */
    @Test
    void theClientCaTheMetricsTokenAndTheLogDirectoryMove() {
        String yaml = "  client_ca: /tls-client-ca/ca.crt\n  token_file: /metrics-token/token\n"
                + "  output: /var/log/dittofs/dfs.log\n  cert_file: /tls/tls.crt\n";
        assertThat(DfsProcess.relocate(yaml, Path.of("/r"))).isEqualTo("  client_ca: /r/tls-client-ca/ca.crt\n"
                + "  token_file: /r/metrics-token/token\n  output: /r/var/log/dittofs/dfs.log\n"
                + "  cert_file: /r/tls/tls.crt\n");
    }
}
