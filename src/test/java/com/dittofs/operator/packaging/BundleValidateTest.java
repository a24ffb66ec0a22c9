package com.dittofs.operator.packaging;

import com.dittofs.operator.testing.Proc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code operator-sdk bundle validate ./bundle --select-optional suite=operatorframework}, without operator-sdk:
 * hack/bundle-validate runs the same validators of github.com/operator-framework/api (default ones, ObjectValidator,
 * and the operatorframework suite: OperatorHub, standard capabilities and categories, removed APIs, good practices)
 * and checks metadata/annotations.yaml. The committed bundle must pass with no error and no warning.
 */
class BundleValidateTest {

    /** Removed APIs are judged against the Kubernetes the test clusters run (hack/tools.sh K8S_VERSION). */
    static final String K8S_VERSION = "1.34";

    @BeforeAll
    static void onlyInThePackagePhase() {
        Build.assumePackagePhase();
    }

    @Test
    void committedBundlePassesTheOperatorFrameworkSuite() {
        Proc.Result result = validate(Build.ARTIFACTS.committedBundle());
        assertThat(result.ok()).as(result.describe()).isTrue();
        assertThat(result.out()).as(result.describe()).contains("bundle-validate: 0 errors, 0 warnings");
    }

    @Test
    void theValidatorRejectsWhatOperatorHubRejects(@TempDir Path copy) throws IOException {
        // The same bundle with a maintainer without e-mail and a category OperatorHub does not know: a validator that
        // passed everything would pass the real bundle too, so prove it reports these.
        PackagingArtifacts.copyTree(Build.ARTIFACTS.committedBundle(), copy);
        Path csv = copy.resolve("manifests").resolve(PackagingArtifacts.CSV_FILE);
        String text = Files.readString(csv);
        assertThat(text).contains("email: maintainers@placeholder.invalid", "categories: Storage");
        Files.writeString(csv, text.replace("email: maintainers@placeholder.invalid", "url: https://example.com")
                .replace("categories: Storage", "categories: File Juggling"));
        Files.delete(copy.resolve("metadata/annotations.yaml"));

        Proc.Result result = validate(copy);
        assertThat(result.exit()).as(result.describe()).isEqualTo(1);
        assertThat(result.out()).contains("Maintainers elements should contain both name and email",
                "File Juggling", "metadata/annotations.yaml");
    }

    private static Proc.Result validate(Path bundle) {
        return Proc.run(List.of(Tools.ensure("bundle-validate").toString(), "-k8s-version", K8S_VERSION,
                bundle.toString()), Duration.ofMinutes(2));
    }
}
