package com.dittofs.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.dittofs.operator.api.v1alpha1.DittoServer;
import com.dittofs.operator.dfsconfig.PodEnvironment;
import com.dittofs.operator.dfsconfig.SecretBinding;
import com.dittofs.operator.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Safe upgrades: the ConfigMap and StatefulSet rendered for every sample equal the committed golden files, byte for
 * byte. A difference in either one means that upgrading the operator restarts every file server built from such a
 * spec (a new pod template or inputs hash rolls the pod). When the change is intended, regenerate the files with
 * {@code ./mvnw test -Dtest=GoldenRenderTest -Dgolden.update=true}, review the diff and say in the release notes that
 * the upgrade restarts file servers.
 */
class GoldenRenderTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final String REGENERATE = "./mvnw test -Dtest=GoldenRenderTest -Dgolden.update=true";

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docs", "samples"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    /** Every Secret the sample's pod reads, with fixed values: the inputs hash depends on them. */
    static Map<String, Secret> secrets(DittoServer server) {
        Map<String, Secret> secrets = new HashMap<>(Fixtures.generatedSecrets(server));
        Map<String, Map<String, String>> user = new HashMap<>();
        for (SecretBinding binding : PodEnvironment.secretBindings(server)) {
            if (!binding.generated()) {
                user.computeIfAbsent(binding.secret(), s -> new HashMap<>())
                        .put(binding.keys().get(0), "golden-" + binding.keys().get(0));
            }
        }
        user.forEach((name, data) -> secrets.put(name, Fixtures.secret(name, data)));
        return secrets;
    }

    static List<HasMetadata> rendered(DittoServer server) {
        PodInputs inputs = PodInputs.of(server, name -> Optional.ofNullable(secrets(server).get(name)));
        return List.of(new ConfigMapDependent().desired(server, null),
                StatefulSetDependent.build(server, inputs, Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void renderedObjectsEqualTheGoldenFiles(String sample) throws IOException {
        DittoServer server = Fixtures.sample(sample);
        for (HasMetadata object : rendered(server)) {
            Path golden = GOLDEN.resolve(sample.replace(".yaml", "") + "." + object.getKind().toLowerCase() + ".yaml");
            String actual = Serialization.asYaml(object);
            if (Boolean.getBoolean("golden.update") || "1".equals(System.getenv("GOLDEN_UPDATE"))) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, actual);
            }
            assertThat(Files.exists(golden)).as("golden file %s is missing; create it with: %s", golden, REGENERATE)
                    .isTrue();
            assertThat(actual).as("The %s rendered for %s differs from %s: an operator upgrade with this change"
                    + " restarts such file servers. If that is intended, regenerate with %s, review the diff and note"
                    + " the restart in the release notes", object.getKind(), sample, golden, REGENERATE)
                    .isEqualTo(Files.readString(golden));
        }
    }
}
