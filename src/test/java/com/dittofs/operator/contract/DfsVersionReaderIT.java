package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dfsclient.DfsBuildInfo;
import com.dittofs.operator.dfsclient.DfsVersionReader;
import com.dittofs.operator.fixtures.Fixtures;
import com.dittofs.operator.naming.Ports;
import com.dittofs.operator.testing.FreePorts;
import com.dittofs.operator.testing.Proc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The operator's version reader against the real dfs, started with the config the operator renders with metrics on:
 * it reads the version the binary itself reports ({@code dfs version --short}; {@code dev} for the module build of
 * hack/tools.sh), and a dfs without metrics is simply of unknown version.
 */
@Tag("contract")
class DfsVersionReaderIT {

    private DfsProcess dfs;

    @AfterEach
    void stop() {
        if (dfs != null) {
            dfs.stop();
        }
    }

    /** What the binary says it is (cobra prints it on stderr). */
    private static String binaryVersion() {
        Proc.Result result = Proc.run(List.of(DfsBinary.path().toString(), "version", "--short"),
                Duration.ofSeconds(30));
        assertThat(result.ok()).as(result.describe()).isTrue();
        return result.output().strip();
    }

    @Test
    void readsTheVersionTheBinaryReports() {
        DittoServer server = Fixtures.basic();
        server.getSpec().getMetrics().setEnabled(true);
        server.getSpec().getMetrics().setPort(FreePorts.next());
        OperatorInputs inputs = OperatorInputs.of(server, Fixtures.generatedSecrets(server));
        dfs = inputs.start("version", DfsProcess.loopback(FreePorts.next(), null));

        String expected = binaryVersion();
        assertThat(expected).as("hack/tools.sh builds dfs from its Go module, without release ldflags").isEqualTo("dev");
        var read = new DfsVersionReader().read(URI.create("http://127.0.0.1:" + dfs.metricsPort()
                + Ports.METRICS_PATH), null);
        assertThat(read).map(DfsBuildInfo::version).contains(expected);
        assertThat(read).map(DfsBuildInfo::commit).contains("none");
    }

    @Test
    void withoutMetricsTheVersionIsUnknownAndNothingFails() {
        DittoServer server = Fixtures.basic();
        OperatorInputs inputs = OperatorInputs.of(server, Fixtures.generatedSecrets(server));
        int unused = FreePorts.next();
        dfs = inputs.start("no-metrics", DfsProcess.loopback(FreePorts.next(), null));

        assertThat(new DfsVersionReader().read(URI.create("http://127.0.0.1:" + unused + Ports.METRICS_PATH), null))
                .as("connection refused").isEmpty();
        assertThat(new DfsVersionReader().read(dfs.apiUri().resolve(Ports.METRICS_PATH), null))
                .as("the REST API has no metrics route").isEmpty();
    }
}
