package com.dittofs.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.dittofs.operator.api.v1alpha1.DatabaseType;

/** Every shipped sample, as the operator would run it, against the real dfs. */
class SampleContractIT {

    private DfsProcess dfs;

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docs", "samples"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    @AfterEach
    void stop() {
        if (dfs != null) {
            dfs.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleServes(String sample) {
        OperatorInputs inputs = OperatorInputs.ofSample(sample);
        Assumptions.assumeTrue(inputs.server().getSpec().getDatabase().getType() == DatabaseType.SQLITE,
                "the sample's database is external; PostgresContractIT covers postgres");
        boolean metrics = inputs.server().getSpec().getMetrics().getEnabled();
        // the sample's ports (8080, 9090) may be taken on a dev machine: override them, keep everything else
        dfs = inputs.start(sample.replace(".yaml", ""),
                DfsProcess.loopback(FreePorts.next(), metrics ? FreePorts.next() : null));

        ServerContract.verify(dfs, inputs, ServerContract.Expect.freshServer(inputs.server().getSpec()));

        assertThat(dfs.stop()).as("exit code after SIGTERM").isZero();
        assertThat(dfs.stdout()).contains("Server stopped gracefully");
    }
}
